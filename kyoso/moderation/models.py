"""Publishable: the abstract base of every thing that is reviewed and published on a platform."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("下書き")
    PENDING = "pending", _("審査待ち")
    PUBLISHED = "published", _("公開中")
    REJECTED = "rejected", _("差し戻し")
    ARCHIVED = "archived", _("アーカイブ")


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def pending(self):
        return self.filter(status=Status.PENDING)

    def for_platform(self, platform):
        return self.filter(platform=platform)


class Publishable(models.Model):
    """Moves between states only through kyoso.moderation.actions."""

    status = models.CharField(
        _("状態"), max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    platform = models.ForeignKey(
        "platforms.Platform",
        verbose_name=_("プラットフォーム"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("登録者"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("申請日時"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("審査者"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("審査日時"), null=True, blank=True)
    rejection_reason = models.TextField(_("差し戻しの理由"), blank=True)
    published_at = models.DateTimeField(_("公開日時"), null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(_("作成日時"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新日時"), auto_now=True)
    is_demo = models.BooleanField(_("デモデータ"), default=False)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED
