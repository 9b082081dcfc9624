"""Events (関連するイベント等の開催情報): when, where (a municipality chosen by name), for whom,
how to take part; reviewed like every member's content; 中止・延期 shown, never deleted."""

import datetime
import uuid

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from kyoso.moderation.models import Publishable
from kyoso.regions.codes import NATIONWIDE_KEY, inside_pref_key, muni_key


def image_path(instance, filename: str) -> str:
    # Random names: the picture of an event under review cannot be guessed (it is served through
    # kyoso.events.views.event_image, which checks who may see it).
    return f"events/{uuid.uuid4().hex}.png"


class Event(Publishable):
    class Format(models.TextChoices):
        VENUE = "venue", _("会場")
        ONLINE = "online", _("オンライン")
        HYBRID = "hybrid", _("ハイブリッド（会場とオンライン）")

    class Audience(models.TextChoices):
        RESIDENT = "resident", _("住民")
        MUNICIPAL = "municipal", _("自治体職員")
        COORDINATOR = "coordinator", _("生活支援コーディネーター")
        BUSINESS = "business", _("事業者")
        ANYONE = "anyone", _("どなたでも")

    class Access(models.TextChoices):
        WHEELCHAIR = "wheelchair", _("車椅子で参加できます")
        HEARING_LOOP = "hearing_loop", _("補聴ループ（ヒアリングループ）があります")
        CAPTIONS = "captions", _("字幕があります")
        SIGN_LANGUAGE = "sign_language", _("手話通訳があります")
        CHILDCARE = "childcare", _("託児があります")

    class State(models.TextChoices):
        SCHEDULED = "scheduled", _("予定どおり開催")
        CANCELLED = "cancelled", _("中止")
        POSTPONED = "postponed", _("延期")

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("イベント名"), max_length=200)
    title_kana = models.CharField(
        _("イベント名のよみがな"), max_length=300, help_text=_("ひらがなで入力してください。")
    )
    title_en = models.CharField(
        _("イベント名（英語）"),
        max_length=200,
        blank=True,
        help_text=_("英語のページに表示します（任意）。"),
    )
    description = models.TextField(
        _("内容"), help_text=_("見出し・箇条書き・リンクが使えます（HTML）。")
    )
    starts_at = models.DateTimeField(_("開始日時"), db_index=True)
    ends_at = models.DateTimeField(_("終了日時"), db_index=True)
    all_day = models.BooleanField(_("終日"), default=False)
    format = models.CharField(_("開催形式"), max_length=10, choices=Format.choices)
    venue_name = models.CharField(_("会場名"), max_length=200, blank=True)
    address = models.CharField(_("住所"), max_length=300, blank=True)
    municipality = models.ForeignKey(
        "regions.Municipality",
        verbose_name=_("会場の市区町村"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    lat = models.FloatField(_("緯度"), null=True, blank=True)
    lng = models.FloatField(_("経度"), null=True, blank=True)
    online_url = models.URLField(_("オンライン参加の URL"), blank=True)
    fee_free = models.BooleanField(_("参加費無料"), default=True)
    fee_amount = models.PositiveIntegerField(_("参加費（円）"), null=True, blank=True)
    fee_details = models.CharField(_("参加費の詳細"), max_length=200, blank=True)
    capacity = models.PositiveIntegerField(_("定員（人）"), null=True, blank=True)
    takes_applications = models.BooleanField(
        _("このサイトで参加の申し込みを受け付ける"),
        default=False,
        help_text=_(
            "申し込みは定員まで受け付け、その後はキャンセル待ちになります。"
            "キャンセルが出ると、待っている方が順に繰り上がります。"
        ),
    )
    apply_method = models.TextField(_("申込方法"), max_length=1000, blank=True)
    apply_deadline = models.DateTimeField(_("申込締切"), null=True, blank=True)
    organiser = models.CharField(_("主催者"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("登録した団体"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    contact = models.TextField(_("問い合わせ先"), max_length=500, blank=True)
    image = models.ImageField(_("画像"), upload_to=image_path, blank=True)
    image_alt = models.CharField(_("画像の説明（代替テキスト）"), max_length=200, blank=True)
    fields = models.ManyToManyField("regions.Field", verbose_name=_("分野"), related_name="+")
    audiences = models.JSONField(_("対象"), default=list)
    accessibility = models.JSONField(_("参加しやすさ"), default=list, blank=True)
    state = models.CharField(
        _("開催状況"), max_length=10, choices=State.choices, default=State.SCHEDULED
    )
    state_note = models.TextField(_("中止・延期のお知らせ"), max_length=1000, blank=True)
    # iCalendar SEQUENCE: bumped by every change a calendar must pick up.
    sequence = models.PositiveIntegerField(default=0)
    # Where an imported event came from (the open-data layout's code + NO): importing the same
    # file again updates these events instead of adding them twice.
    source_code = models.CharField(max_length=6, blank=True, db_index=True)
    source_no = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["starts_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_code", "source_no"],
                condition=~models.Q(source_no=""),
                name="events_unique_source",
            )
        ]
        verbose_name = _("イベント")
        verbose_name_plural = _("イベント")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", kwargs={"pk": self.pk})

    @property
    def is_cancelled(self) -> bool:
        return self.state == self.State.CANCELLED

    @property
    def is_postponed(self) -> bool:
        return self.state == self.State.POSTPONED

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    @property
    def has_venue(self) -> bool:
        return self.format in (self.Format.VENUE, self.Format.HYBRID)

    @property
    def is_online(self) -> bool:
        return self.format in (self.Format.ONLINE, self.Format.HYBRID)

    def local_start(self) -> datetime.datetime:
        return timezone.localtime(self.starts_at)

    def local_end(self) -> datetime.datetime:
        return timezone.localtime(self.ends_at)

    @property
    def is_multi_day(self) -> bool:
        return self.local_start().date() != self.local_end().date()

    @property
    def item_html(self) -> str:
        from .rows import item_html

        return item_html(self)

    @cached_property
    def when_html(self) -> str:
        """「2026年12月5日（土） 13:30〜15:00」 with <time> elements, built once per object
        (list pages show twenty of them; a template include per row cost more than the rest)."""
        from django.utils.formats import date_format
        from django.utils.html import format_html
        from django.utils.safestring import mark_safe
        from django.utils.translation import gettext

        start, end = self.local_start(), self.local_end()

        def day(moment, *, iso):
            text = f"{date_format(moment, 'DATE_FORMAT')}（{date_format(moment, 'D')}）"
            if not self.all_day:
                text += f" {moment:%H:%M}"
            return format_html('<time datetime="{}">{}</time>', iso, text)

        parts = [day(start, iso=start.date().isoformat() if self.all_day else start.isoformat())]
        if self.is_multi_day:
            parts += ["〜", day(end, iso=end.date().isoformat())]
        elif not self.all_day and end != start:
            parts.append(f"〜{end:%H:%M}")
        if self.all_day:
            parts.append(" " + gettext("終日"))
        return mark_safe("".join(str(p) for p in parts))  # noqa: S308 - parts are escaped above

    def days_to_deadline(self) -> int | None:
        if self.apply_deadline is None:
            return None
        return (timezone.localtime(self.apply_deadline).date() - timezone.localdate()).days

    def region_keys(self) -> list[str]:
        """Where a region filter finds it: its venue's municipality (and inside its prefecture);
        online (and hybrid) events everywhere."""
        keys = []
        if self.has_venue and self.municipality_id:
            keys += [muni_key(self.municipality_id), inside_pref_key(self.municipality_id[:2])]
            if self.municipality.parent_id:
                keys.append(muni_key(self.municipality.parent_id))
        if self.is_online or not keys:
            keys.append(NATIONWIDE_KEY)
        return keys

    def display_title(self) -> str:
        from django.utils.translation import get_language

        if self.title_en and (get_language() or "ja").startswith("en"):
            return self.title_en
        return self.title

    def audience_labels(self) -> list[str]:
        labels = dict(self.Audience.choices)
        return [str(labels[a]) for a in self.audiences if a in labels]

    def accessibility_labels(self) -> list[str]:
        labels = dict(self.Access.choices)
        return [str(labels[a]) for a in self.accessibility if a in labels]


class Change(models.Model):
    """One applied change of a published event (what changed, when): the page shows its history,
    calendars get a new SEQUENCE. Who changed it stays in the audit log."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="changes")
    created_at = models.DateTimeField(auto_now_add=True)
    fields = models.JSONField(default=list)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.event_id}: {', '.join(self.fields)}"

    @property
    def labels(self) -> list[str]:
        from django.core.exceptions import FieldDoesNotExist

        from .revisions import SPEC

        names = []
        for name in self.fields:
            label = SPEC.labels.get(name)
            if label is None:
                try:
                    label = Event._meta.get_field(name).verbose_name
                except FieldDoesNotExist:
                    label = name
            names.append(str(label))
        return names


class Application(models.Model):
    """Someone taking part (no account needed). Personal data: seen only by the event's
    organisation and its platform's admins, never exported, fed or indexed, and erased
    EVENT_APPLICATION_RETENTION_DAYS after the event."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("参加確定")
        WAITLISTED = "waitlisted", _("キャンセル待ち")
        CANCELLED = "cancelled", _("キャンセル")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="applications")
    user = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(_("お名前"), max_length=100)
    email = models.EmailField(_("メールアドレス"), blank=True)
    phone = models.CharField(_("電話番号"), max_length=30, blank=True)
    party_size = models.PositiveSmallIntegerField(_("人数"), default=1)
    needs = models.TextField(_("配慮してほしいこと"), max_length=500, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    anonymised = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.event_id}:{self.pk}"

    @property
    def is_active(self) -> bool:
        return self.status != self.Status.CANCELLED
