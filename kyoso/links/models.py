"""A categorised related link, with the result of the last dead-link check."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Link(models.Model):
    class Category(models.TextChoices):
        MINISTRY = "ministry", _("府省庁")
        PREFECTURE = "prefecture", _("都道府県")
        NATIONAL_ORG = "national_org", _("全国団体")
        RESEARCH = "research", _("調査・統計")
        LEARNING = "learning", _("研修・学び")
        OTHER = "other", _("その他")

    platform = models.ForeignKey(
        "platforms.Platform",
        verbose_name=_("プラットフォーム"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    category = models.CharField(_("分類"), max_length=20, choices=Category.choices)
    title = models.CharField(_("名称"), max_length=120)
    url = models.URLField(_("URL"), max_length=500)
    description = models.CharField(_("説明"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("表示順"), default=100)
    is_demo = models.BooleanField(_("デモデータ"), default=False)
    updated_at = models.DateTimeField(_("更新日時"), auto_now=True)
    # Filled by `manage.py check_links`.
    checked_at = models.DateTimeField(_("確認日時"), null=True, blank=True)
    check_status = models.PositiveSmallIntegerField(_("HTTPステータス"), null=True, blank=True)
    check_error = models.CharField(_("確認時のエラー"), max_length=200, blank=True)

    class Meta:
        ordering = ["category", "order", "title"]
        verbose_name = _("関連リンク")
        verbose_name_plural = _("関連リンク")

    def __str__(self) -> str:
        return self.title

    @property
    def is_broken(self) -> bool:
        if self.checked_at is None:
            return False
        return bool(self.check_error) or not (self.check_status and self.check_status < 400)
