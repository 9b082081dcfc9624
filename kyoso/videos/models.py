"""Videos: the symposium archive (オンラインシンポジウム), interviews, organisations' videos and the
coordinators' training series (研修). A video plays from an uploaded MP4/WebM file with WebVTT
captions, or from YouTube/Vimeo embedded privacy-enhanced; its transcript is on the page and in
search, chapter by chapter."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kyoso.moderation.models import Publishable


class Audience(models.TextChoices):
    TIER1 = "tier1", _("第1層コーディネーター")
    TIER2 = "tier2", _("第2層コーディネーター")
    MUNICIPAL = "municipal", _("市町村職員")
    ANYONE = "anyone", _("どなたでも")


class Series(models.Model):
    """A symposium, an interview series, an organisation's channel or a training series."""

    class Kind(models.TextChoices):
        SYMPOSIUM = "symposium", _("シンポジウム")
        INTERVIEW = "interview", _("インタビュー")
        ORGANISATION = "organisation", _("団体の動画")
        TRAINING = "training", _("研修")

    platform = models.ForeignKey(
        "platforms.Platform",
        verbose_name=_("プラットフォーム"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    kind = models.CharField(_("種類"), max_length=20, choices=Kind.choices, db_index=True)
    title = models.CharField(_("名称"), max_length=120)
    description = models.TextField(_("説明"), max_length=3000, blank=True)
    held_on = models.DateField(_("開催日"), null=True, blank=True)
    audiences = models.JSONField(_("対象"), default=list, blank=True)
    cases = models.ManyToManyField(
        "cases.Case", verbose_name=_("紹介された事例"), blank=True, related_name="+"
    )
    # The organisation whose own videos this series holds (kind "organisation").
    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("団体"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(_("デモデータ"), default=False)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("動画のシリーズ")
        verbose_name_plural = _("動画のシリーズ")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        if self.kind == self.Kind.TRAINING:
            return reverse("videos:training_series", kwargs={"pk": self.pk})
        return reverse("videos:series", kwargs={"pk": self.pk})

    def audience_labels(self) -> list[str]:
        labels = dict(Audience.choices)
        return [str(labels[a]) for a in self.audiences if a in labels]


def video_path(instance, filename: str) -> str:
    return f"videos/{uuid.uuid4().hex}"


class Video(Publishable):
    class Source(models.TextChoices):
        FILE = "file", _("動画ファイル")
        YOUTUBE = "youtube", "YouTube"
        VIMEO = "vimeo", "Vimeo"

    series = models.ForeignKey(
        Series,
        verbose_name=_("シリーズ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="videos",
    )
    position = models.PositiveSmallIntegerField(_("シリーズ内の順番"), default=1)
    title = models.CharField(_("題名"), max_length=120)
    recorded_on = models.DateField(_("収録日"), null=True, blank=True)
    description = models.TextField(_("説明"), max_length=3000, blank=True)
    duration = models.PositiveIntegerField(_("長さ（秒）"), default=0)
    source = models.CharField(_("動画の場所"), max_length=10, choices=Source.choices)
    file = models.FileField(upload_to=video_path, blank=True)
    file_type = models.CharField(max_length=20, blank=True)  # video/mp4, video/webm
    url = models.URLField(_("動画のURL"), max_length=500, blank=True)
    captions = models.TextField(_("字幕（WebVTT）"), blank=True)
    self_check = models.TextField(
        _("確認テスト（1行に1問）"),
        max_length=2000,
        blank=True,
        help_text=_("研修の単元で、見終わった後に自分で確かめる項目です。"),
    )

    class Meta:
        ordering = ["series_id", "position", "id"]
        verbose_name = _("動画")
        verbose_name_plural = _("動画")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("videos:detail", kwargs={"pk": self.pk})

    @property
    def duration_label(self) -> str:
        return timestamp(self.duration)

    def self_check_items(self) -> list[str]:
        return [line.strip() for line in self.self_check.splitlines() if line.strip()]


def timestamp(seconds: int) -> str:
    seconds = int(seconds or 0)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Speaker(models.Model):
    video = models.ForeignKey(Video, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("氏名"), max_length=80)
    affiliation = models.CharField(_("所属"), max_length=120, blank=True)
    organisation = models.ForeignKey(
        "directory.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name


class Chapter(models.Model):
    """A part of a video from `start` (seconds) with its heading and what is said in it (the
    transcript's paragraphs of that part): a search hit on its words opens the video there."""

    video = models.ForeignKey(Video, on_delete=models.CASCADE, related_name="chapters")
    start = models.PositiveIntegerField(_("開始（秒）"))
    title = models.CharField(_("見出し"), max_length=120)
    transcript = models.TextField(_("文字起こし"), blank=True)

    class Meta:
        ordering = ["start", "id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"{self.video.get_absolute_url()}?t={self.start}#chapter-{self.start}"

    @property
    def label(self) -> str:
        return timestamp(self.start)


def material_path(instance, filename: str) -> str:
    return f"videos/materials/{uuid.uuid4().hex}"


class Material(models.Model):
    video = models.ForeignKey(Video, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("資料名"), max_length=200)
    file = models.FileField(upload_to=material_path)
    size = models.PositiveBigIntegerField(default=0)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("videos:material", kwargs={"pk": self.video_id, "material_id": self.pk})


class Completion(models.Model):
    """A signed-in person marked a training unit (a video of a training series) as done."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    video = models.ForeignKey(Video, on_delete=models.CASCADE, related_name="completions")
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "video"], name="videos_completion_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.video_id}"
