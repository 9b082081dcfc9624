"""Platform (national or prefectural) and the roles people hold on one."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

NATIONAL_SLUG = "national"


def platform_logo_path(instance, filename: str) -> str:
    import uuid

    return f"platform-logos/{uuid.uuid4().hex}.png"


class PlatformQuerySet(models.QuerySet):
    def national(self) -> "Platform":
        return self.get(slug=NATIONAL_SLUG)

    def prefectural(self):
        return self.filter(prefecture__isnull=False)


class Platform(models.Model):
    slug = models.SlugField(_("スラッグ"), unique=True)
    prefecture = models.OneToOneField(
        "regions.Prefecture",
        verbose_name=_("都道府県"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="platform",
    )
    name = models.CharField(_("名称"), max_length=80)
    is_active = models.BooleanField(
        _("運用中"), default=False, help_text=_("都道府県版プラットフォームを公開しているか")
    )
    launched_on = models.DateField(_("運用開始日"), null=True, blank=True)
    description = models.TextField(_("紹介文"), blank=True)
    contact = models.TextField(_("問い合わせ先"), max_length=500, blank=True)
    logo = models.ImageField(_("ロゴ画像"), upload_to=platform_logo_path, blank=True)

    objects = PlatformQuerySet.as_manager()

    class Meta:
        ordering = ["prefecture__code"]
        verbose_name = _("プラットフォーム")
        verbose_name_plural = _("プラットフォーム")

    def __str__(self) -> str:
        return str(self.display_name())

    def get_absolute_url(self) -> str:
        if self.is_national:
            return reverse("core:home")
        return reverse("platforms:home", kwargs={"slug": self.slug})

    @property
    def is_national(self) -> bool:
        return self.slug == NATIONAL_SLUG

    def display_name(self) -> str:
        from django.utils.translation import gettext

        if self.is_national:
            return gettext("生活支援共創プラットフォーム（全国版）")
        return gettext("%(pref)s版 生活支援共創プラットフォーム") % {
            "pref": self.prefecture.display_name()
        }

    def short_name(self) -> str:
        from django.utils.translation import gettext

        return gettext("全国版") if self.is_national else self.prefecture.display_name()


class PlatformRole(models.Model):
    class Role(models.TextChoices):
        ADMIN = "admin", _("管理者")
        MODERATOR = "moderator", _("モデレーター")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="platform_roles"
    )
    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("役割"), max_length=16, choices=Role.choices)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    granted_at = models.DateTimeField(_("任命日時"), auto_now_add=True)

    class Meta:
        ordering = ["platform__prefecture__code", "role", "user__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "platform", "role"], name="unique_platform_role"
            )
        ]
        verbose_name = _("プラットフォームの役割")
        verbose_name_plural = _("プラットフォームの役割")

    def __str__(self) -> str:
        return f"{self.user} / {self.platform} / {self.get_role_display()}"


class Part(models.Model):
    """What a prefectural platform is made of (構成): the prefecture's departments (関係部局) and
    the prefecture-scale organisations that take part, as its admins list them."""

    class Kind(models.TextChoices):
        DEPARTMENT = "department", _("関係部局")
        ORGANISATION = "organisation", _("都道府県規模の団体")

    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="parts")
    kind = models.CharField(_("種類"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("名称"), max_length=120)
    url = models.URLField(_("ウェブサイト"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["kind", "position", "id"]
        verbose_name = _("プラットフォームの構成")
        verbose_name_plural = _("プラットフォームの構成")

    def __str__(self) -> str:
        return self.name
