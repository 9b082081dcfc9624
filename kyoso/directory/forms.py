"""The application / profile form. Every field is checked with a Japanese message next to it."""

import re

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kyoso.core.text import clean_name
from kyoso.moderation.forms import VersionedFormMixin
from kyoso.platforms.forms import PlatformChoiceField
from kyoso.platforms.models import Platform
from kyoso.regions.models import Field, Municipality, Prefecture

from .media import reencode_logo, validate_video_url
from .models import Organisation


class PrefectureMultipleField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.display_name()


class FieldMultipleField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.display_name()


def parse_municipalities(text: str) -> tuple[list[Municipality], list[str]]:
    """One municipality per line (or separated by 、/,): a 6-digit LG code, a name with its
    prefecture (東京都千代田区) or a unique name (千代田区). Returns (found, problems)."""
    found: dict[str, Municipality] = {}
    problems: list[str] = []
    items = [s.strip() for s in re.split(r"[\n,、，]+", text or "") if s.strip()]
    if len(items) > 200:
        return [], [_("市区町村は200件までにしてください。")]
    prefectures = {p.name: p.code for p in Prefecture.objects.all()}
    for item in items:
        item = re.sub(r"\s+", "", item)
        if re.fullmatch(r"\d{6}", item):
            muni = Municipality.objects.filter(lg_code=item).first()
            if muni is None:
                problems.append(
                    _("「%(v)s」という地方公共団体コードは見つかりません。") % {"v": item}
                )
            else:
                found[muni.lg_code] = muni
            continue
        pref_code = None
        for name, code in prefectures.items():
            if item.startswith(name) and len(item) > len(name):
                pref_code, item = code, item[len(name) :]
                break
        candidates = Municipality.objects.filter(name=item, is_active=True)
        if pref_code:
            candidates = candidates.filter(prefecture_id=pref_code)
        candidates = list(candidates[:3])
        if not candidates:
            problems.append(_("「%(v)s」という市区町村は見つかりません。") % {"v": item})
        elif len(candidates) > 1:
            problems.append(
                _("「%(v)s」は複数あります。都道府県名から書いてください（例：東京都%(v)s）。")
                % {"v": item}
            )
        else:
            found[candidates[0].lg_code] = candidates[0]
    return list(found.values()), problems


class MunicipalityPickerWidget(forms.Textarea):
    """A textarea (one municipality a line) that, with JavaScript, also offers a search box whose
    suggestions (htmx) add a line with one click."""

    template_name = "directory/widgets/municipality_picker.html"


class OrganisationForm(VersionedFormMixin, forms.ModelForm):
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
        help_text=gettext_lazy("活動地域で「都道府県を選ぶ」にしたときに選んでください。"),
    )
    municipalities_text = forms.CharField(
        label=gettext_lazy("活動する市区町村"),
        required=False,
        widget=MunicipalityPickerWidget(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "活動地域で「市区町村を選ぶ」にしたときに、1行に1つずつ書いてください。"
            "例：東京都千代田区、札幌市中央区、131016（地方公共団体コード）"
        ),
    )
    logo_upload = forms.ImageField(
        label=gettext_lazy("ロゴ画像"),
        required=False,
        help_text=gettext_lazy("PNG・JPEG・WebP・GIF、2MBまで。縮小して PNG で保存します。"),
        error_messages={"invalid_image": gettext_lazy("画像として読み込めないファイルです。")},
    )

    class Meta:
        model = Organisation
        fields = [
            "platform",
            "name",
            "name_kana",
            "slug",
            "kind",
            "scale",
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
            "scale": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 8}),
            "public_contact": forms.Textarea(attrs={"rows": 3}),
            "private_contact": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "name": {"required": gettext_lazy("団体名を入力してください。")},
            "name_kana": {"required": gettext_lazy("団体名のよみがなを入力してください。")},
            "kind": {"required": gettext_lazy("種別を選んでください。")},
            "scale": {"required": gettext_lazy("活動の規模を選んでください。")},
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
        self.fields["scale"].choices = Organisation.Scale.choices
        self.fields["area_kind"].choices = Organisation.AreaKind.choices
        self.municipalities: list[Municipality] = []
        self.editing = editing
        if editing:
            self.add_version_field()
            # The platform is fixed once applied; moving is an admin matter.
            del self.fields["platform"]
            if self.instance.pk and not self.is_bound:
                self.initial["municipalities_text"] = "\n".join(
                    f"{m.prefecture.name}{m.name}"
                    for m in self.instance.area_municipalities.select_related("prefecture")
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
        if area == Organisation.AreaKind.MUNICIPALITIES:
            found, problems = parse_municipalities(data.get("municipalities_text", ""))
            for problem in problems:
                self.add_error("municipalities_text", problem)
            if not found and not problems:
                self.add_error(
                    "municipalities_text", _("活動する市区町村を1つ以上書いてください。")
                )
            self.municipalities = found
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
