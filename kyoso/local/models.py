"""Local issues (地域課題) that coordinators and municipal officers post, the organisations that
answer 「協力できます」, and the records of 協議体 and town meetings (タウンミーティング)."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class PartnerKind(models.TextChoices):
    """The kinds of partner a local issue asks for (those of the cases' actors)."""

    COMPANY = "company", _("民間企業")
    NPO = "npo", _("NPO")
    RESIDENTS = "residents", _("住民・住民団体")
    SHAKYO = "shakyo", _("社会福祉協議会")
    CARE = "care", _("医療・介護事業者")
    UNIVERSITY = "university", _("大学・研究機関")
    COOP = "coop", _("生協・農協")
    GOVERNMENT = "government", _("行政")


class LocalIssue(models.Model):
    class State(models.TextChoices):
        OPEN = "open", _("募集中")
        IN_PROGRESS = "in_progress", _("進行中")
        SOLVED = "solved", _("解決")

    platform = models.ForeignKey("platforms.Platform", on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("課題の名前"), max_length=120)
    municipality = models.ForeignKey(
        "regions.Municipality",
        verbose_name=_("市区町村"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    fields = models.ManyToManyField("regions.Field", verbose_name=_("分野"), related_name="+")
    description = models.TextField(_("課題の内容"), max_length=4000)
    partner_kinds = models.JSONField(_("求める協力者の種類"), default=list, blank=True)
    partner_needs = models.TextField(_("協力者に期待すること"), max_length=2000, blank=True)
    deadline = models.DateField(_("いつまでに"), null=True, blank=True)
    state = models.CharField(
        _("状況"), max_length=16, choices=State.choices, default=State.OPEN, db_index=True
    )
    meeting = models.ForeignKey(
        "local.Meeting",
        verbose_name=_("見つかった会議"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="issues",
    )
    is_hidden = models.BooleanField(_("非表示"), default=False)
    hidden_reason = models.TextField(_("非表示の理由"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    is_demo = models.BooleanField(_("デモデータ"), default=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("地域課題")
        verbose_name_plural = _("地域課題")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("local:issue", kwargs={"pk": self.pk})

    def partner_kind_labels(self) -> list[str]:
        labels = dict(PartnerKind.choices)
        return [str(labels[k]) for k in self.partner_kinds if k in labels]


class Answer(models.Model):
    """An organisation's 「協力できます」 to a local issue; the conversation follows in messages."""

    issue = models.ForeignKey(LocalIssue, on_delete=models.CASCADE, related_name="answers")
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["issue", "organisation"], name="local_answer_once")
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} → {self.issue_id}"

    def get_absolute_url(self) -> str:
        return reverse("local:answer", kwargs={"pk": self.pk})


class Message(models.Model):
    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("メッセージ"), max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.body[:40]


def meeting_file_path(instance, filename: str) -> str:
    return f"meetings/{uuid.uuid4().hex}"


class Meeting(models.Model):
    """A 協議体 or town meeting a coordinator records: private to the verified members of its
    prefecture (and the platform's staff) until it is published as a case."""

    class Kind(models.TextChoices):
        COUNCIL = "council", _("協議体")
        TOWN = "town", _("タウンミーティング")
        OTHER = "other", _("その他の話し合い")

    platform = models.ForeignKey("platforms.Platform", on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(_("種類"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("会議の名前"), max_length=120)
    held_on = models.DateField(_("開催日"))
    municipality = models.ForeignKey(
        "regions.Municipality",
        verbose_name=_("市区町村"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    place = models.CharField(_("場所"), max_length=120, blank=True)
    # [{"kind": "residents", "count": 12}, …]
    participants = models.JSONField(_("参加者"), default=list, blank=True)
    issues_found = models.TextField(_("見つかった地域課題"), max_length=4000)
    ideas = models.TextField(_("話し合った解決策"), max_length=4000, blank=True)
    next_steps = models.TextField(_("次にすること"), max_length=2000, blank=True)
    attachment = models.FileField(upload_to=meeting_file_path, blank=True)
    attachment_name = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    is_demo = models.BooleanField(_("デモデータ"), default=False)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("会議の記録")
        verbose_name_plural = _("会議の記録")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("local:meeting", kwargs={"pk": self.pk})

    def participant_rows(self) -> list[tuple[str, int]]:
        labels = dict(PARTICIPANT_KINDS)
        return [
            (str(labels.get(p.get("kind"), p.get("kind"))), int(p.get("count") or 0))
            for p in self.participants
        ]

    @property
    def participant_total(self) -> int:
        return sum(n for _label, n in self.participant_rows())


PARTICIPANT_KINDS = [
    ("residents", _("住民・住民団体")),
    ("welfare_commissioners", _("民生委員")),
    ("shakyo", _("社会福祉協議会")),
    ("government", _("行政")),
    ("company", _("民間企業")),
    ("npo", _("NPO")),
    ("care", _("医療・介護事業者")),
    ("coop", _("生協・農協")),
    ("university", _("大学・研究機関")),
    ("other", _("その他")),
]
