"""Prefectures (JIS X 0401), municipalities (全国地方公共団体コード) and fields (分野)."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .codes import validate_lg_code

# Eight conventional regional blocks; the national home groups the 47 platforms by them.
REGION_BLOCKS = [
    ("hokkaido-tohoku", _("北海道・東北"), range(1, 8)),
    ("kanto", _("関東"), range(8, 15)),
    ("chubu", _("中部"), range(15, 24)),
    ("kinki", _("近畿"), range(24, 31)),
    ("chugoku", _("中国"), range(31, 36)),
    ("shikoku", _("四国"), range(36, 40)),
    ("kyushu-okinawa", _("九州・沖縄"), range(40, 48)),
]


class LocalisedNameMixin:
    """`display_name` picks the English name when the English UI is active."""

    def display_name(self) -> str:
        if (get_language() or "ja").startswith("en") and getattr(self, "name_en", ""):
            return self.name_en
        return self.name


class Prefecture(LocalisedNameMixin, models.Model):
    code = models.CharField(_("都道府県コード"), max_length=2, primary_key=True)
    slug = models.SlugField(_("スラッグ"), unique=True)
    lg_code = models.CharField(
        _("地方公共団体コード"), max_length=6, unique=True, validators=[validate_lg_code]
    )
    name = models.CharField(_("名称"), max_length=10)
    name_kana = models.CharField(_("よみがな"), max_length=20)
    name_en = models.CharField(_("英語名"), max_length=20)
    iso3166_2 = models.CharField(max_length=5)
    capital = models.CharField(_("県庁所在地"), max_length=20)
    lat = models.FloatField()
    lng = models.FloatField()
    url = models.URLField(_("公式サイト"))

    class Meta:
        ordering = ["code"]
        verbose_name = _("都道府県")
        verbose_name_plural = _("都道府県")

    def __str__(self) -> str:
        return self.name

    @property
    def block(self) -> str:
        number = int(self.code)
        return next(slug for slug, _label, codes in REGION_BLOCKS if number in codes)


class Municipality(models.Model):
    class Kind(models.TextChoices):
        CITY = "city", _("市")
        TOWN = "town", _("町")
        VILLAGE = "village", _("村")
        SPECIAL_WARD = "special_ward", _("特別区")
        WARD = "ward", _("政令指定都市の区")

    lg_code = models.CharField(
        _("地方公共団体コード"), max_length=6, primary_key=True, validators=[validate_lg_code]
    )
    prefecture = models.ForeignKey(
        Prefecture, on_delete=models.PROTECT, related_name="municipalities"
    )
    name = models.CharField(_("名称"), max_length=40)
    name_kana = models.CharField(_("よみがな"), max_length=80)
    kind = models.CharField(_("種別"), max_length=16, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="wards"
    )
    lat = models.FloatField(null=True, blank=True)
    lng = models.FloatField(null=True, blank=True)
    url = models.URLField(_("公式サイト"), blank=True)
    # Mergers retire a code; rows that content still refers to are kept and marked inactive.
    is_active = models.BooleanField(_("現存"), default=True)

    class Meta:
        ordering = ["lg_code"]
        verbose_name = _("市区町村")
        verbose_name_plural = _("市区町村")

    def __str__(self) -> str:
        return self.name

    def display_name(self) -> str:
        return self.name


class Field(LocalisedNameMixin, models.Model):
    slug = models.SlugField(_("スラッグ"), unique=True)
    name = models.CharField(_("名称"), max_length=40)
    name_kana = models.CharField(_("よみがな"), max_length=60)
    name_en = models.CharField(_("英語名"), max_length=60)
    order = models.PositiveSmallIntegerField(_("表示順"))

    class Meta:
        ordering = ["order"]
        verbose_name = _("分野")
        verbose_name_plural = _("分野")

    def __str__(self) -> str:
        return self.name
