"""Organisation (a supporting member), its people, its invitations and its edit history."""

import re
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kyoso.moderation.models import Publishable
from kyoso.regions.codes import NATIONWIDE_KEY, inside_pref_key, muni_key, pref_key

KANA_RE = re.compile(r"^[\u3041-\u3096\u30a1-\u30fa\u30fc\u30fb・ー\s　A-Za-z0-9０-９ａ-ｚＡ-Ｚ]+$")


def validate_kana(value: str) -> None:
    if not KANA_RE.match(value or ""):
        raise ValidationError(_("よみがなは、ひらがな・カタカナで入力してください。"), code="kana")


def validate_slug_not_numeric(value: str) -> None:
    if value.isdigit():
        raise ValidationError(_("URL名には英字を1文字以上含めてください。"), code="numeric_slug")


def logo_path(instance, filename: str) -> str:
    # Random names: a pending applicant's logo cannot be guessed (it is served only to the
    # applicant and reviewers until the organisation is listed, see kyoso.directory.views).
    import uuid

    return f"logos/{uuid.uuid4().hex}.png"


class Organisation(Publishable):
    class Kind(models.TextChoices):
        NATIONAL_ORG = "national_org", _("全国規模の団体")
        MINISTRY = "ministry", _("行政機関（府省庁）")
        PREFECTURE = "prefecture", _("都道府県")
        MUNICIPALITY = "municipality", _("市町村")
        SOCIAL_WELFARE_COUNCIL = "swc", _("社会福祉協議会")
        SOCIAL_WELFARE_CORP = "swcorp", _("社会福祉法人")
        NPO = "npo", _("NPO法人")
        COMPANY = "company", _("民間企業")
        COOPERATIVE = "coop", _("生協・農協などの協同組合")
        NETWORK = "network", _("ネットワーク・協議会")
        CARE_PROVIDER = "care_provider", _("医療・介護の事業者・団体")
        TRAINING = "training", _("研修・教育機関")
        UNIVERSITY = "university", _("大学・研究機関")
        RESIDENTS = "residents", _("住民団体・地縁組織")
        OTHER = "other", _("その他")

    class Scale(models.TextChoices):
        NATIONAL = "national", _("全国")
        PREFECTURE = "prefecture", _("都道府県")
        MUNICIPALITY = "municipality", _("市区町村")

    class AreaKind(models.TextChoices):
        NATIONWIDE = "nationwide", _("全国")
        PREFECTURES = "prefectures", _("都道府県を選ぶ")
        MUNICIPALITIES = "municipalities", _("市区町村を選ぶ")

    name = models.CharField(_("団体名"), max_length=120)
    name_kana = models.CharField(
        _("団体名のよみがな"),
        max_length=200,
        validators=[validate_kana],
        help_text=_("あいうえお順の並べ替えと、読みでの検索に使います。"),
    )
    slug = models.SlugField(
        _("URL名"),
        max_length=60,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_slug_not_numeric],
        help_text=_("半角英数字とハイフン。/directory/URL名/ で団体のページを開けます。"),
    )
    kind = models.CharField(_("種別"), max_length=20, choices=Kind.choices, db_index=True)
    scale = models.CharField(_("活動の規模"), max_length=20, choices=Scale.choices, db_index=True)
    fields = models.ManyToManyField("regions.Field", verbose_name=_("分野"), related_name="+")
    area_kind = models.CharField(_("活動地域"), max_length=20, choices=AreaKind.choices)
    area_prefectures = models.ManyToManyField(
        "regions.Prefecture", verbose_name=_("活動する都道府県"), blank=True, related_name="+"
    )
    area_municipalities = models.ManyToManyField(
        "regions.Municipality", verbose_name=_("活動する市区町村"), blank=True, related_name="+"
    )
    description = models.TextField(_("団体の紹介"), max_length=4000)
    homepage = models.URLField(_("ホームページ"), blank=True)
    homepage_consent = models.BooleanField(
        _("団体のページにホームページへのリンクを載せる"), default=False
    )
    video_url = models.URLField(
        _("紹介動画（YouTube または Vimeo）"),
        blank=True,
        help_text=_("YouTube か Vimeo の動画の URL。プライバシー強化モードで埋め込みます。"),
    )
    logo = models.ImageField(_("ロゴ画像"), upload_to=logo_path, blank=True)
    public_contact = models.TextField(
        _("公開する連絡先"), max_length=500, blank=True, help_text=_("団体のページに表示されます。")
    )
    private_contact = models.TextField(
        _("事務局用の連絡先"),
        max_length=500,
        help_text=_("事務局だけが見ます。公開されません。担当者名・電話・メールなど。"),
    )
    # Granted by the platform's admins (audited), never by a field members edit: it is what lets
    # an organisation's members register measures (kyoso.measures.access).
    agency_verified = models.BooleanField(_("行政機関として確認済み"), default=False)
    agency_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    agency_verified_at = models.DateTimeField(null=True, blank=True)
    is_suspended = models.BooleanField(_("掲載停止"), default=False, db_index=True)
    suspended_reason = models.TextField(_("掲載停止の理由"), blank=True)

    class Meta:
        ordering = ["name_kana", "id"]
        indexes = [
            models.Index(fields=["status", "is_suspended", "name_kana"]),
            models.Index(fields=["updated_at"], name="directory_org_updated"),
        ]
        verbose_name = _("団体・行政機関")
        verbose_name_plural = _("団体・行政機関")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:detail", kwargs={"pk": self.pk})

    def save(self, *args, **kwargs):
        # 活動の規模 is not asked: it follows 活動地域, so the two never disagree.
        self.scale = SCALE_OF_AREA.get(self.area_kind, self.scale)
        if kwargs.get("update_fields") is not None and "area_kind" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "scale"}
        super().save(*args, **kwargs)

    @property
    def is_listed(self) -> bool:
        return self.is_published and not self.is_suspended

    def compute_region_keys(self) -> list[str]:
        """JP for nationwide; P13 for all of Tokyo; M131016 + IN13 for 千代田区."""
        if self.area_kind == self.AreaKind.NATIONWIDE:
            return [NATIONWIDE_KEY]
        if self.area_kind == self.AreaKind.PREFECTURES:
            return sorted(pref_key(p.code) for p in self.area_prefectures.all())
        keys = set()
        for m in self.area_municipalities.all():
            keys.add(muni_key(m.lg_code))
            keys.add(inside_pref_key(m.prefecture_id))
        return sorted(keys)


class OrganisationRegionKey(models.Model):
    """Where an organisation works, as region keys (DESIGN §6): one indexed IN lookup filters."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="region_keys"
    )
    key = models.CharField(max_length=10)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "key"], name="unique_org_region_key")
        ]
        indexes = [models.Index(fields=["key", "organisation"])]

    def __str__(self) -> str:
        return self.key


class Membership(models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", _("管理者")
        MEMBER = "member", _("メンバー")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="organisation_memberships"
    )
    role = models.CharField(_("役割"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="unique_org_member")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation}"


def _token() -> str:
    return secrets.token_urlsafe(32)


INVITATION_DAYS = 7


class Invitation(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("メールアドレス"))
    token = models.CharField(max_length=64, unique=True, default=_token)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"

    @property
    def expires_at(self):
        import datetime

        return self.created_at + datetime.timedelta(days=INVITATION_DAYS)

    @property
    def is_open(self) -> bool:
        from django.utils import timezone

        return (
            self.accepted_at is None
            and self.withdrawn_at is None
            and timezone.now() < self.expires_at
        )


class Revision(models.Model):
    """A snapshot after each change of the profile; admins see what changed as a diff."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="revisions"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    snapshot = models.JSONField()
    changes = models.JSONField(default=dict)  # field -> [before, after]

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.organisation} @ {self.created_at:%Y-%m-%d %H:%M}"


SCALE_OF_AREA = {
    Organisation.AreaKind.NATIONWIDE: Organisation.Scale.NATIONAL,
    Organisation.AreaKind.PREFECTURES: Organisation.Scale.PREFECTURE,
    Organisation.AreaKind.MUNICIPALITIES: Organisation.Scale.MUNICIPALITY,
}
