"""The user: logs in by email; a persona says who they are on the platform."""

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **extra):
        if not email:
            raise ValueError("email is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra):
        """The national admin (`createsuperuser --noinput` with DJANGO_SUPERUSER_EMAIL/PASSWORD)."""
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        extra.setdefault("persona", User.Persona.OFFICIAL)
        user = self._create(email, password, **extra)
        # Created by a person with shell access to the server: the address needs no mail round
        # trip, so the national admin can sign in at once (and is led to TOTP set-up next).
        from allauth.account.models import EmailAddress

        EmailAddress.objects.update_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        return user


class User(AbstractBaseUser, PermissionsMixin):
    class Persona(models.TextChoices):
        RESIDENT = "resident", _("住民")
        COORDINATOR = "coordinator", _("生活支援コーディネーター")
        ORGANISATION = "organisation", _("団体・企業の担当者")
        OFFICIAL = "official", _("行政職員")

    email = models.EmailField(_("メールアドレス"), unique=True)
    display_name = models.CharField(
        _("表示名"),
        max_length=50,
        blank=True,
        help_text=_("掲示板などで表示されます。本名でなくてもかまいません。"),
    )
    persona = models.CharField(
        _("立場"), max_length=16, choices=Persona.choices, default=Persona.RESIDENT
    )
    home_prefecture = models.ForeignKey(
        "regions.Prefecture",
        verbose_name=_("主な活動地域（都道府県）"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    is_staff = models.BooleanField(_("管理サイトへのアクセス"), default=False)
    is_active = models.BooleanField(_("有効"), default=True)
    is_demo = models.BooleanField(_("デモデータ"), default=False)
    date_joined = models.DateTimeField(_("登録日時"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("ユーザー")
        verbose_name_plural = _("ユーザー")

    def __str__(self) -> str:
        return self.display_name or self.email

    @property
    def public_name(self) -> str:
        """What others see: the display name, never the email address."""
        return self.display_name or str(_("名前未設定のユーザー"))


class Verification(models.Model):
    """A person's request to be known as municipal staff or a life-support coordinator: the fact
    that opens members-only boards. Granted automatically for a confirmed address on the
    municipality's own lg.jp domain, otherwise by the admins of the municipality's prefecture."""

    class Role(models.TextChoices):
        MUNICIPAL = "municipal", _("自治体職員")
        COORDINATOR = "coordinator", _("生活支援コーディネーター")

    class Layer(models.TextChoices):
        FIRST = "1", _("第1層（市町村全域）")
        SECOND = "2", _("第2層（日常生活圏域）")

    class Status(models.TextChoices):
        PENDING = "pending", _("確認待ち")
        APPROVED = "approved", _("確認済み")
        DECLINED = "declined", _("確認できませんでした")
        WITHDRAWN = "withdrawn", _("取り消し")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="verifications")
    role = models.CharField(_("立場"), max_length=16, choices=Role.choices)
    layer = models.CharField(
        _("コーディネーターの層"), max_length=1, choices=Layer.choices, blank=True
    )
    municipality = models.ForeignKey(
        "regions.Municipality",
        verbose_name=_("市区町村"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    area_name = models.CharField(_("日常生活圏域の名前"), max_length=60, blank=True)
    organisation_name = models.CharField(_("所属（課・団体の名前）"), max_length=100, blank=True)
    note = models.TextField(_("確認する人へのメモ"), max_length=1000, blank=True)
    status = models.CharField(
        _("状態"), max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    reason = models.TextField(_("理由"), blank=True)
    automatic = models.BooleanField(_("メールアドレスで自動確認"), default=False)
    decided_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(_("デモデータ"), default=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("本人確認")
        verbose_name_plural = _("本人確認")

    def __str__(self) -> str:
        return f"{self.user.public_name}（{self.get_role_display()}・{self.municipality.name}）"

    @property
    def badge(self) -> str:
        if self.role == self.Role.COORDINATOR and self.layer:
            return f"{self.get_role_display()}（{self.get_layer_display()[:3]}）"
        return str(self.get_role_display())
