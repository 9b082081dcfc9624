"""Co-creation cases (官・民・住民の共創事例): who worked together on which local issue, what they
did, what came of it (with numbers and their sources), and what others can learn from it."""

import uuid

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kyoso.moderation.models import Publishable
from kyoso.regions.codes import NATIONWIDE_KEY, inside_pref_key, muni_key, pref_key


class ActorRole(models.TextChoices):
    GOVERNMENT = "government", _("行政")
    COMPANY = "company", _("民間企業")
    RESIDENTS = "residents", _("住民・住民団体")
    NPO = "npo", _("NPO")
    SHAKYO = "shakyo", _("社会福祉協議会")
    CARE = "care", _("医療・介護事業者")
    UNIVERSITY = "university", _("大学・研究機関")
    COOP = "coop", _("生協・農協")
    OTHER = "other", _("その他")


class Case(Publishable):
    title = models.CharField(_("事例の名称"), max_length=120)
    title_kana = models.CharField(
        _("事例の名称（よみがな）"), max_length=200, blank=True, help_text=_("ひらがなで入力")
    )
    summary = models.CharField(_("概要"), max_length=300)
    prefecture = models.ForeignKey(
        "regions.Prefecture", verbose_name=_("都道府県"), on_delete=models.PROTECT, related_name="+"
    )
    municipality = models.ForeignKey(
        "regions.Municipality",
        verbose_name=_("市区町村"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    fields = models.ManyToManyField("regions.Field", verbose_name=_("分野"), related_name="+")
    issue = models.TextField(_("地域の課題"), max_length=3000)
    approach = models.TextField(_("取組の内容"), max_length=6000)
    results = models.TextField(_("成果"), max_length=3000, blank=True)
    funding = models.TextField(_("財源・活用した制度"), max_length=2000, blank=True)
    measures = models.ManyToManyField(
        "measures.Measure", verbose_name=_("活用した施策・予算"), blank=True, related_name="+"
    )
    started_year = models.PositiveSmallIntegerField(_("開始年"), db_index=True)
    ended_year = models.PositiveSmallIntegerField(
        _("終了年"), null=True, blank=True, help_text=_("続いている取組は空のまま")
    )
    tips = models.TextField(_("工夫・苦労した点"), max_length=3000, blank=True)
    contact = models.TextField(_("問い合わせ先"), max_length=500, blank=True)
    video_url = models.URLField(
        _("動画のURL"), max_length=500, blank=True, help_text=_("YouTube または Vimeo")
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("登録した団体"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The editor's checklist, ticked when the case was published (kept for the record).
    checklist = models.JSONField(_("編集チェック"), default=list, blank=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("共創事例")
        verbose_name_plural = _("共創事例")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("cases:detail", kwargs={"pk": self.pk})

    def region_label(self) -> str:
        if self.municipality_id:
            return f"{self.prefecture.name}{self.municipality.name}"
        return str(self.prefecture.name)

    def region_keys(self) -> list[str]:
        """Where a region filter finds it: its municipality (and a ward's city), inside its
        prefecture; a prefecture-wide case is found under the prefecture."""
        keys = [inside_pref_key(self.prefecture_id)]
        if self.municipality_id:
            keys.append(muni_key(self.municipality_id))
            if self.municipality.parent_id:
                keys.append(muni_key(self.municipality.parent_id))
        else:
            keys.append(pref_key(self.prefecture_id))
        return keys or [NATIONWIDE_KEY]

    @property
    def period_label(self) -> str:
        if self.ended_year:
            return f"{self.started_year}年〜{self.ended_year}年"
        return f"{self.started_year}年〜"


class Actor(models.Model):
    """One party to a case and its part in it, optionally a listed organisation."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="actors")
    role = models.CharField(_("立場"), max_length=20, choices=ActorRole.choices)
    name = models.CharField(_("名称"), max_length=120)
    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("賛同団体"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_actors",
    )
    part = models.CharField(_("役割"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        indexes = [models.Index(fields=["organisation", "case"])]

    def __str__(self) -> str:
        return self.name


class Outcome(models.Model):
    """A result in numbers (利用者数 1,200人/年) with where the number comes from."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="outcomes")
    label = models.CharField(_("項目"), max_length=60)
    value = models.DecimalField(_("数値"), max_digits=14, decimal_places=2)
    unit = models.CharField(_("単位"), max_length=20, blank=True)
    source = models.CharField(_("出典"), max_length=200)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.label

    @property
    def display_value(self) -> str:
        value = self.value.normalize() if self.value == self.value.to_integral() else self.value
        number = f"{int(value):,}" if value == value.to_integral() else f"{value:,}"
        return f"{number}{self.unit}"


def photo_path(instance, filename: str) -> str:
    return f"cases/{uuid.uuid4().hex}.png"


class Photo(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(upload_to=photo_path)
    alt = models.CharField(_("写真の説明"), max_length=200)
    caption = models.CharField(_("キャプション"), max_length=200, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.alt
