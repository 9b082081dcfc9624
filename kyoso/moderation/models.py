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
    # Bumped by every saved edit: a form posted against an older version is a conflict, not an
    # overwrite (kyoso.moderation.versioning).
    version = models.PositiveIntegerField(_("版"), default=1)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED


def pending_file_path(instance, filename: str) -> str:
    # Random names under pending/: never served by a web server, only through a checked view.
    import uuid

    return f"pending/{uuid.uuid4().hex}"


class PendingRevision(models.Model):
    """A member's proposed change to published content. The published version stays live until a
    reviewer (never the proposer) accepts it; `data` holds only the fields that change."""

    class State(models.TextChoices):
        PENDING = "pending", _("審査待ち")
        ACCEPTED = "accepted", _("反映済み")
        REJECTED = "rejected", _("差し戻し")
        SUPERSEDED = "superseded", _("新しい変更で置き換え")

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    platform = models.ForeignKey("platforms.Platform", on_delete=models.PROTECT, related_name="+")
    state = models.CharField(
        _("状態"), max_length=16, choices=State.choices, default=State.PENDING, db_index=True
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("申請者"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    proposed_at = models.DateTimeField(_("申請日時"), auto_now_add=True)
    base_version = models.PositiveIntegerField(default=1)
    data = models.JSONField(default=dict)
    # field -> [label, before (display), after (display)], for the reviewer's diff.
    changes = models.JSONField(default=dict)
    note = models.CharField(_("変更の内容"), max_length=200, blank=True)
    admin_only = models.BooleanField(
        _("管理者の承認が必要"),
        default=False,
        help_text=_(
            "種別・名称など権限に関わる項目の変更は、プラットフォームの管理者が判断します。"
        ),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    rejection_reason = models.TextField(_("差し戻しの理由"), blank=True)

    class Meta:
        ordering = ["proposed_at", "id"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "state"]),
            models.Index(fields=["state", "platform"]),
        ]
        verbose_name = _("変更の申請")
        verbose_name_plural = _("変更の申請")

    def __str__(self) -> str:
        target = self.target
        return str(target) if target is not None else f"#{self.object_id}"

    @property
    def target(self):
        if not hasattr(self, "_target"):
            model = self.content_type.model_class()
            self._target = model.objects.filter(pk=self.object_id).first() if model else None
        return self._target

    @property
    def is_pending(self) -> bool:
        return self.state == self.State.PENDING


class RevisionFile(models.Model):
    """A file that comes with a proposed change (a new attachment, a new logo)."""

    revision = models.ForeignKey(PendingRevision, on_delete=models.CASCADE, related_name="files")
    key = models.CharField(max_length=30)
    title = models.CharField(max_length=200, blank=True)
    file = models.FileField(upload_to=pending_file_path)
    original_name = models.CharField(max_length=255)
    format = models.CharField(max_length=20)
    content_type = models.CharField(max_length=120)
    size = models.PositiveBigIntegerField()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.original_name
