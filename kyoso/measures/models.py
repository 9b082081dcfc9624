"""Measure (a policy, budget, fund menu, manual or tool), its attachments, links and history."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kyoso.moderation.models import Publishable


class Measure(Publishable):
    class Kind(models.TextChoices):
        POLICY = "policy", _("施策・制度")
        BUDGET = "budget", _("予算事業")
        GRANT = "grant", _("交付金・補助金")
        FUND_MENU = "fund_menu", _("基金メニュー")
        MANUAL = "manual", _("マニュアル・手引き")
        TOOL = "tool", _("支援ツール")
        NOTICE = "notice", _("通知・事務連絡")
        RESEARCH = "research", _("調査研究・報告書")

    class Audience(models.TextChoices):
        PREFECTURE = "prefecture", _("都道府県")
        MUNICIPALITY = "municipality", _("市町村")
        ORGANISATION = "organisation", _("団体・事業者")
        RESIDENT = "resident", _("住民")

    title = models.CharField(_("名称"), max_length=200)
    agency = models.CharField(
        _("府省庁"), max_length=60, db_index=True, help_text=_("例：厚生労働省")
    )
    bureau = models.CharField(
        _("部局"), max_length=100, blank=True, help_text=_("例：老健局 認知症施策・地域介護推進課")
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("登録した団体"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="measures",
    )
    kind = models.CharField(_("種類"), max_length=20, choices=Kind.choices, db_index=True)
    fiscal_year = models.PositiveSmallIntegerField(
        _("年度"), db_index=True, help_text=_("西暦で入力（例：2025）")
    )
    budget_amount = models.PositiveBigIntegerField(_("予算額（円）"), null=True, blank=True)
    summary = models.CharField(_("概要"), max_length=200)
    body = models.TextField(
        _("本文"), blank=True, help_text=_("見出し・箇条書き・リンク・表が使えます（HTML）。")
    )
    audiences = models.JSONField(_("対象"), default=list)
    fields = models.ManyToManyField("regions.Field", verbose_name=_("分野"), related_name="+")
    related = models.ManyToManyField("self", verbose_name=_("関連する施策"), blank=True)
    contact = models.TextField(_("問い合わせ先"), max_length=500, blank=True)
    announced_on = models.DateField(_("公表日"), null=True, blank=True)
    call_start = models.DateField(_("受付開始日"), null=True, blank=True)
    call_end = models.DateField(_("受付終了日"), null=True, blank=True, db_index=True)
    is_featured = models.BooleanField(_("「知る」で紹介する"), default=False)
    needs_update = models.BooleanField(_("更新が必要"), default=False)
    needs_update_note = models.TextField(_("更新が必要な点"), blank=True)

    class Meta:
        ordering = ["-announced_on", "-id"]
        verbose_name = _("施策・予算")
        verbose_name_plural = _("施策・予算")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("measures:detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        today = timezone.localdate()
        return bool(
            self.call_end
            and self.call_end >= today
            and (not self.call_start or self.call_start <= today)
        )

    @property
    def days_left(self) -> int | None:
        return (self.call_end - timezone.localdate()).days if self.is_open else None

    def audience_labels(self) -> list[str]:
        labels = dict(self.Audience.choices)
        return [str(labels[a]) for a in self.audiences if a in labels]


def attachment_path(instance, filename: str) -> str:
    # Stored under a random name; the original file name is kept in the row and sent on download.
    return f"measures/{uuid.uuid4().hex}"


class Attachment(models.Model):
    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        WORD = "word", "Word"
        EXCEL = "excel", "Excel"
        POWERPOINT = "powerpoint", "PowerPoint"
        WORD_LEGACY = "word_legacy", "Word (.doc)"
        EXCEL_LEGACY = "excel_legacy", "Excel (.xls)"
        POWERPOINT_LEGACY = "powerpoint_legacy", "PowerPoint (.ppt)"

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("資料名"), max_length=200)
    file = models.FileField(upload_to=attachment_path)
    original_name = models.CharField(max_length=255)
    format = models.CharField(max_length=20, choices=Format.choices)
    size = models.PositiveBigIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "measures:attachment", kwargs={"pk": self.measure_id, "attachment_id": self.pk}
        )


class ExternalLink(models.Model):
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="links")
    title = models.CharField(_("リンク名"), max_length=200)
    url = models.URLField(_("URL"), max_length=500)

    def __str__(self) -> str:
        return self.title


class Revision(models.Model):
    """改訂履歴: one row per published change, shown on the measure's page."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="revisions")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(_("改訂の内容"), max_length=200)
    changes = models.JSONField(default=dict)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.note
