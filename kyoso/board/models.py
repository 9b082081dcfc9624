"""The exchange board (交流掲示板): boards, threads, posts, and what keeps them safe.

Posts are conversation, not reviewed content: they appear at once (unless an NG word, a new
account's first post or a moderator holds them), authors may edit for 24 hours with the history
kept, and moderators hide after the fact with a reason the author sees."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

EDIT_WINDOW_HOURS = 24
RESERVED_SLUGS = {"feed", "reports", "posts", "new"}  # /board/<these>/ are other pages


class Board(models.Model):
    class Kind(models.TextChoices):
        CROSS = "cross", _("分野横断")
        FIELD = "field", _("分野別")
        PLATFORM = "platform", _("都道府県")
        TOPIC = "topic", _("テーマ")

    slug = models.SlugField(_("URL名"), max_length=40, unique=True)
    name = models.CharField(_("名前"), max_length=80)
    description = models.TextField(_("説明"), blank=True)
    kind = models.CharField(_("種類"), max_length=10, choices=Kind.choices)
    field = models.ForeignKey(
        "regions.Field", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Whose moderators look after it: the national platform, or a prefecture's.
    platform = models.ForeignKey(
        "platforms.Platform", verbose_name=_("プラットフォーム"), on_delete=models.PROTECT
    )
    members_only = models.BooleanField(
        _("会員限定"),
        default=False,
        help_text=_(
            "確認済みの自治体職員・生活支援コーディネーターと管理者だけが読み書きできます。"
        ),
    )
    order = models.PositiveIntegerField(_("並び順"), default=100)
    is_demo = models.BooleanField(_("デモデータ"), default=False)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("掲示板")
        verbose_name_plural = _("掲示板")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from kyoso.core.urlcache import kept_reverse

        return kept_reverse("board:board", board=self.slug)  # twice on every thread page

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("このURL名は使えません。")})


class Thread(models.Model):
    board = models.ForeignKey(Board, on_delete=models.PROTECT, related_name="threads")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="board_threads"
    )
    title = models.CharField(_("タイトル"), max_length=120)
    fields = models.ManyToManyField(
        "regions.Field", verbose_name=_("分野"), blank=True, related_name="+"
    )
    prefecture = models.ForeignKey(
        "regions.Prefecture",
        verbose_name=_("地域（都道府県）"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    municipality = models.ForeignKey(
        "regions.Municipality",
        verbose_name=_("地域（市区町村）"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_activity_at = models.DateTimeField(db_index=True)
    # Kept counts (updated by actions): the list shows them without counting rows per thread.
    reply_count = models.PositiveIntegerField(default=0)
    same_count = models.PositiveIntegerField(_("同じ悩みがあります"), default=0)
    last_number = models.PositiveIntegerField(default=0)  # highest post number in the thread
    is_locked = models.BooleanField(_("ロック"), default=False)
    is_pinned = models.BooleanField(_("ピン留め"), default=False)
    is_hidden = models.BooleanField(_("非表示"), default=False)
    hidden_reason = models.TextField(_("非表示の理由"), blank=True)
    is_demo = models.BooleanField(_("デモデータ"), default=False)

    class Meta:
        ordering = ["-is_pinned", "-last_activity_at", "-id"]
        indexes = [models.Index(fields=["board", "-last_activity_at"], name="board_thread_act")]
        verbose_name = _("スレッド")
        verbose_name_plural = _("スレッド")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("board:thread", kwargs={"board": self.board.slug, "pk": self.pk})


class Post(models.Model):
    class State(models.TextChoices):
        PUBLISHED = "published", _("公開")
        HELD = "held", _("確認待ち")

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    number = models.PositiveIntegerField()  # 1 = the opening post
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="board_posts"
    )
    body = models.TextField(_("本文"), max_length=10_000)
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PUBLISHED)
    held_reason = models.CharField(max_length=200, blank=True)
    is_deleted = models.BooleanField(default=False)
    is_hidden = models.BooleanField(default=False)
    hidden_reason = models.TextField(blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["thread", "number"]
        constraints = [
            models.UniqueConstraint(fields=["thread", "number"], name="board_post_number")
        ]
        verbose_name = _("投稿")
        verbose_name_plural = _("投稿")

    def __str__(self) -> str:
        return f"{self.thread_id}#{self.number}"

    def get_absolute_url(self) -> str:
        from .selectors import PER_PAGE

        page = (self.number - 1) // PER_PAGE + 1
        url = self.thread.get_absolute_url()
        return f"{url}?page={page}#post-{self.number}" if page > 1 else f"{url}#post-{self.number}"

    @property
    def is_visible(self) -> bool:
        return self.state == self.State.PUBLISHED and not self.is_hidden and not self.is_deleted


class PostEdit(models.Model):
    """The text a post had before each edit (the history behind 編集済み)."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="edits")
    body = models.TextField()
    edited_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-edited_at", "-id"]

    def __str__(self) -> str:
        return f"{self.post_id} @ {self.edited_at:%Y-%m-%d %H:%M}"


class SameProblem(models.Model):
    """「同じ悩みがあります」: one per person and thread."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["thread", "user"], name="board_same_once")]

    def __str__(self) -> str:
        return f"{self.thread_id}/{self.user_id}"


class ThreadRead(models.Model):
    """How far a signed-in person has read a thread (for 未読 markers)."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["thread", "user"], name="board_read_once")]

    def __str__(self) -> str:
        return f"{self.thread_id}/{self.user_id}: {self.last_number}"


class Report(models.Model):
    class Reason(models.TextChoices):
        SPAM = "spam", _("宣伝・スパム")
        ABUSE = "abuse", _("誹謗中傷・嫌がらせ")
        PERSONAL = "personal", _("個人情報")
        OTHER = "other", _("その他")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(_("理由"), max_length=10, choices=Reason.choices)
    note = models.TextField(_("補足"), max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome = models.CharField(max_length=20, blank=True)  # hidden / kept
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("通報")
        verbose_name_plural = _("通報")

    def __str__(self) -> str:
        return f"{self.post_id}: {self.reason}"


class NgWord(models.Model):
    """A word that holds a post for a moderator's look (never dropped silently)."""

    platform = models.ForeignKey("platforms.Platform", on_delete=models.CASCADE, related_name="+")
    word = models.CharField(_("語"), max_length=40)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["platform", "word"], name="board_ngword_once")
        ]
        verbose_name = _("NGワード")
        verbose_name_plural = _("NGワード")

    def __str__(self) -> str:
        return self.word


class BoardSettings(models.Model):
    """Per-platform safety settings."""

    platform = models.OneToOneField(
        "platforms.Platform", on_delete=models.CASCADE, related_name="board_settings"
    )
    hold_first_posts = models.BooleanField(
        _("新しいアカウントの最初の投稿を確認してから公開する"), default=False
    )

    def __str__(self) -> str:
        return str(self.platform)


class Suspension(models.Model):
    """A person may not post on a platform's boards (and, if asked, everything they wrote there
    is hidden)."""

    platform = models.ForeignKey("platforms.Platform", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["platform", "user"], name="board_suspension_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.platform_id}"


def attachment_path(instance, filename: str) -> str:
    import secrets

    return f"board/{secrets.token_hex(16)}{'.png' if instance.kind == 'image' else '.pdf'}"


class PostAttachment(models.Model):
    """An image (re-encoded as PNG, with alt text) or a PDF (checked by its content) on a post.
    Served only through board:attachment, which applies the post's own access rules."""

    class Kind(models.TextChoices):
        IMAGE = "image", _("画像")
        PDF = "pdf", _("PDF")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    file = models.FileField(upload_to=attachment_path, max_length=200)
    original_name = models.CharField(max_length=200)
    alt = models.CharField(_("画像の説明"), max_length=200, blank=True)
    size = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.original_name
