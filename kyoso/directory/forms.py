"""The application / profile form. Every field is checked with a Japanese message next to it."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kyoso.core.media import reencode_logo, validate_video_url
from kyoso.core.text import clean_name
from kyoso.moderation.forms import VersionedFormMixin
from kyoso.platforms.forms import PlatformChoiceField
from kyoso.platforms.models import Platform
from kyoso.regions.models import Field, Prefecture
from kyoso.regions.picker import MunicipalityMultipleChoiceField, PickerFormMixin

from .models import SCALE_OF_AREA, Organisation


class PrefectureMultipleField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.display_name()


class FieldMultipleField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.display_name()


class OrganisationForm(PickerFormMixin, VersionedFormMixin, forms.ModelForm):
    platform = PlatformChoiceField(
        label=gettext_lazy("申請先のプラットフォーム"),
        queryset=Platform.objects.select_related("prefecture"),
        empty_label=gettext_lazy("選択してください"),
        help_text=gettext_lazy(
            "全国規模の団体は全国版、都道府県内の団体はその都道府県版を選んでください。"
        ),
        error_messages={"required": gettext_lazy("申請先を選んでください。")},
    )
    fields = FieldMultipleField(
        label=gettext_lazy("分野"),
        queryset=Field.objects.all(),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple(attrs={"class": "site-columns"}),
        help_text=gettext_lazy("取り組んでいる分野をすべて選んでください（1つ以上）。"),
        error_messages={"required": gettext_lazy("分野を1つ以上選んでください。")},
    )
    area_prefectures = PrefectureMultipleField(
        label=gettext_lazy("活動する都道府県"),
        queryset=Prefecture.objects.all(),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "site-columns"}),
        required=False,
    )
    area_municipalities = MunicipalityMultipleChoiceField(
        label=gettext_lazy("活動する市区町村"),
        help_text=gettext_lazy("政令指定都市は、市全体か区を選べます。いくつでも選べます。"),
    )
    logo_upload = forms.ImageField(
        label=gettext_lazy("ロゴ画像"),
        required=False,
        help_text=gettext_lazy("PNG・JPEG・WebP・GIF、2MBまで。縮小して PNG で保存します。"),
        error_messages={"invalid_image": gettext_lazy("画像として読み込めないファイルです。")},
    )

    field_order = [
        "platform",
        "name",
        "name_kana",
        "slug",
        "kind",
        "fields",
        "area_kind",
        "area_prefectures",
        "area_municipalities",
        "description",
        "homepage",
        "homepage_consent",
        "video_url",
        "logo_upload",
        "public_contact",
        "private_contact",
    ]

    class Meta:
        model = Organisation
        fields = [
            "platform",
            "name",
            "name_kana",
            "slug",
            "kind",
            "fields",
            "area_kind",
            "area_prefectures",
            "description",
            "homepage",
            "homepage_consent",
            "video_url",
            "public_contact",
            "private_contact",
        ]
        widgets = {
            "kind": forms.Select,
            "area_kind": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 8}),
            "public_contact": forms.Textarea(attrs={"rows": 3}),
            "private_contact": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "name": {"required": gettext_lazy("団体名を入力してください。")},
            "name_kana": {"required": gettext_lazy("団体名のよみがなを入力してください。")},
            "kind": {"required": gettext_lazy("種別を選んでください。")},
            "area_kind": {"required": gettext_lazy("活動地域を選んでください。")},
            "description": {"required": gettext_lazy("団体の紹介を入力してください。")},
            "private_contact": {"required": gettext_lazy("事務局用の連絡先を入力してください。")},
            "homepage": {"invalid": gettext_lazy("https:// から始まる URL を入力してください。")},
            "video_url": {"invalid": gettext_lazy("https:// から始まる URL を入力してください。")},
            "slug": {"unique": gettext_lazy("このURL名はすでに使われています。")},
        }

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("選択してください")), *Organisation.Kind.choices]
        # Radio buttons never offer (or preselect) an empty choice.
        self.fields["area_kind"].choices = Organisation.AreaKind.choices
        self.fields["area_kind"].help_text = _(
            "全国で活動する団体は「全国」。都道府県・市区町村を選ぶと、その下で選べます。"
        )
        # Each follow-up sits right after the choice it depends on and says when it is required.
        for name, value in (
            ("area_prefectures", Organisation.AreaKind.PREFECTURES),
            ("area_municipalities", Organisation.AreaKind.MUNICIPALITIES),
        ):
            self.fields[name].shown_when = ("area_kind", value)
            self.fields[name].required_when = _("「%(choice)s」のとき必須") % {
                "choice": Organisation.AreaKind(value).label
            }
        self.editing = editing
        if editing:
            self.add_version_field()
            # The platform is fixed once applied; moving is an admin matter.
            del self.fields["platform"]
            if self.instance.pk and not self.is_bound:
                self.initial["area_municipalities"] = list(
                    self.instance.area_municipalities.values_list("lg_code", flat=True)
                )

    def clean_name(self):
        name = clean_name(self.cleaned_data.get("name", ""))
        if not name:
            raise forms.ValidationError(_("団体名を入力してください。"), code="required")
        return name

    def clean_name_kana(self):
        return clean_name(self.cleaned_data.get("name_kana", ""))

    def clean_video_url(self):
        url = self.cleaned_data["video_url"]
        validate_video_url(url)
        return url

    def clean_logo_upload(self):
        upload = self.cleaned_data.get("logo_upload")
        return reencode_logo(upload) if upload else None

    def clean(self):
        data = super().clean()
        area = data.get("area_kind")
        if area == Organisation.AreaKind.PREFECTURES and not data.get("area_prefectures"):
            self.add_error("area_prefectures", _("活動する都道府県を1つ以上選んでください。"))
        if (
            area == Organisation.AreaKind.MUNICIPALITIES
            and not data.get("area_municipalities")
            and "area_municipalities" not in self.errors
        ):
            self.add_error("area_municipalities", _("活動する市区町村を1つ以上選んでください。"))
        if area in SCALE_OF_AREA:
            data["scale"] = SCALE_OF_AREA[area]
        if data.get("homepage_consent") and not data.get("homepage"):
            self.add_error(
                "homepage", _("リンクを載せるには、ホームページの URL を入力してください。")
            )
        if self.editing and not self.errors:
            self.check_version()
        return data


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("招待する人のメールアドレス"),
        error_messages={
            "required": gettext_lazy("メールアドレスを入力してください。"),
            "invalid": gettext_lazy("メールアドレスの形式が正しくありません。"),
        },
    )


class SuspendForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("掲載停止の理由"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=gettext_lazy("団体の管理者に表示されます。データは削除されません。"),
        error_messages={"required": gettext_lazy("掲載停止の理由を入力してください。")},
    )
