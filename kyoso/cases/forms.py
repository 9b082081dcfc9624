"""The case form: region by name (the shared picker), the actors and results as rows that keep
what was typed, a photo with its description, and every rule with a Japanese message next to
its field. The rows are part of the one form, so an edit of a published case is one proposal."""

import datetime
from decimal import Decimal

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kyoso.core.forms import BoundedModelMultipleChoiceField
from kyoso.core.media import reencode_image, validate_video_url
from kyoso.directory.forms import FieldMultipleField
from kyoso.directory.models import Organisation
from kyoso.measures.models import Measure
from kyoso.moderation.forms import VersionedFormMixin
from kyoso.regions import reference
from kyoso.regions.models import Field, Prefecture
from kyoso.regions.picker import MunicipalityChoiceField, PickerFormMixin

from .models import ActorRole, Case

ACTOR_ROWS = 6
OUTCOME_ROWS = 4
PHOTO_BYTES = 5 * 1024 * 1024


def find_organisation(name: str) -> Organisation | None:
    """The listed organisation with exactly this name, or a ValidationError that names the
    closest listed names (so the person can copy one), or None for an empty name."""
    name = (name or "").strip()
    if not name:
        return None
    listed = Organisation.objects.filter(status="published", is_suspended=False)
    exact = list(listed.filter(name=name)[:2])
    if len(exact) == 1:
        return exact[0]
    near = list(listed.filter(name__icontains=name[:40]).values_list("name", flat=True)[:5])
    if near:
        raise forms.ValidationError(
            _("賛同団体の正式名称を入力してください。候補：%(names)s") % {"names": "、".join(near)},
            code="organisation",
        )
    raise forms.ValidationError(
        _(
            "「%(name)s」という賛同団体は見つかりません。団体名だけを書く場合はこの欄を空にしてください。"
        )
        % {"name": name[:40]},
        code="organisation",
    )


class ActorRow(forms.Form):
    role = forms.ChoiceField(
        label=gettext_lazy("立場"),
        choices=[("", gettext_lazy("選択してください")), *ActorRole.choices],
        required=False,
    )
    name = forms.CharField(label=gettext_lazy("名称"), max_length=120, required=False)
    organisation_name = forms.CharField(
        label=gettext_lazy("賛同団体として登録されていれば、その正式名称"),
        max_length=120,
        required=False,
        help_text=gettext_lazy("団体のページにこの事例が表示されます。"),
    )
    part = forms.CharField(
        label=gettext_lazy("役割"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("例：移動販売車の運行、買い物弱者の把握"),
    )

    def clean(self):
        data = super().clean()
        filled = any(data.get(k) for k in ("role", "name", "organisation_name", "part"))
        if not filled:
            return data
        if not data.get("role"):
            self.add_error("role", _("立場を選んでください。"))
        if not data.get("name") and not data.get("organisation_name"):
            self.add_error("name", _("名称を入力してください。"))
        try:
            data["organisation"] = find_organisation(data.get("organisation_name", ""))
        except forms.ValidationError as exc:
            self.add_error("organisation_name", exc)
        if data.get("organisation") and not data.get("name"):
            data["name"] = data["organisation"].name
        return data

    def value(self) -> dict | None:
        data = self.cleaned_data
        if not data.get("role"):
            return None
        org = data.get("organisation")
        return {
            "role": data["role"],
            "name": data["name"],
            "organisation": org.pk if org else None,
            "part": data.get("part", ""),
        }


class OutcomeRow(forms.Form):
    label = forms.CharField(
        label=gettext_lazy("項目"),
        max_length=60,
        required=False,
        help_text=gettext_lazy("例：利用者数、参加者数、継続年数、年間の費用"),
    )
    value = forms.DecimalField(
        label=gettext_lazy("数値"),
        required=False,
        max_digits=14,
        decimal_places=2,
        min_value=Decimal(0),
        error_messages={
            "invalid": gettext_lazy("数値は半角数字で入力してください（例：1200）。"),
            "min_value": gettext_lazy("数値は0以上で入力してください。"),
            "max_digits": gettext_lazy("数値の桁が多すぎます。"),
            "max_decimal_places": gettext_lazy("小数は2桁までにしてください。"),
            "max_whole_digits": gettext_lazy("数値の桁が多すぎます。"),
        },
    )
    unit = forms.CharField(label=gettext_lazy("単位"), max_length=20, required=False)
    source = forms.CharField(
        label=gettext_lazy("出典"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("例：○○市 令和6年度 事業報告書、事業者の利用記録"),
    )

    def clean(self):
        data = super().clean()
        filled = any(data.get(k) not in (None, "") for k in ("label", "value", "unit", "source"))
        if not filled:
            return data
        if not data.get("label"):
            self.add_error("label", _("項目を入力してください。"))
        if data.get("value") is None and "value" not in self.errors:
            self.add_error("value", _("数値を入力してください。"))
        if not data.get("source"):
            self.add_error(
                "source", _("数値の出典を入力してください（編集チェックで確かめます）。")
            )
        return data

    def value_dict(self) -> dict | None:
        data = self.cleaned_data
        if not data.get("label"):
            return None
        return {
            "label": data["label"],
            "value": str(data["value"]),
            "unit": data.get("unit", ""),
            "source": data["source"],
        }


class MeasureMultipleField(BoundedModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title}（{obj.agency}）"


class PrefectureField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.display_name()


class CaseForm(PickerFormMixin, VersionedFormMixin, forms.ModelForm):
    prefecture = PrefectureField(
        label=gettext_lazy("都道府県"),
        queryset=Prefecture.objects.all(),
        empty_label=gettext_lazy("選択してください"),
        error_messages={"required": gettext_lazy("都道府県を選んでください。")},
    )
    municipality = MunicipalityChoiceField(
        label=gettext_lazy("市区町村"),
        required=False,
        help_text=gettext_lazy("都道府県全域の取組は空のままにしてください。名前で探せます。"),
    )
    fields = FieldMultipleField(
        label=gettext_lazy("分野"),
        queryset=Field.objects.all(),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple(attrs={"class": "site-columns"}),
        error_messages={"required": gettext_lazy("分野を1つ以上選んでください。")},
    )
    measures = MeasureMultipleField(
        label=gettext_lazy("活用した施策・予算"),
        queryset=Measure.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=gettext_lazy(
            "この事例が使った国の施策・交付金など（Ctrl キーを押しながら複数選べます）。"
            "施策のページにこの事例が表示されます。"
        ),
    )
    photo_upload = forms.FileField(
        label=gettext_lazy("写真"),
        required=False,
        help_text=gettext_lazy("PNG・JPEG・WebP・GIF、5MBまで。1回に1枚追加できます。"),
    )
    photo_alt = forms.CharField(
        label=gettext_lazy("写真の説明"),
        max_length=200,
        required=False,
        help_text=gettext_lazy(
            "写真が見えない方に読み上げられます（例：移動販売車で野菜を選ぶ住民）。"
        ),
    )
    photo_caption = forms.CharField(
        label=gettext_lazy("写真のキャプション"), max_length=200, required=False
    )
    remove_photos = forms.MultipleChoiceField(
        label=gettext_lazy("削除する写真"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[],
    )
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("登録する団体"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=gettext_lazy("個人（確認済みのコーディネーター・自治体職員）として登録"),
        help_text=gettext_lazy("団体として登録すると、その団体のメンバーも編集できます。"),
    )

    field_order = [
        "organisation",
        "title",
        "title_kana",
        "summary",
        "prefecture",
        "municipality",
        "fields",
        "started_year",
        "ended_year",
        "issue",
        "approach",
        "results",
        "funding",
        "measures",
        "tips",
        "contact",
        "video_url",
        "photo_upload",
        "photo_alt",
        "photo_caption",
        "remove_photos",
    ]

    class Meta:
        model = Case
        fields = [
            "title",
            "title_kana",
            "summary",
            "issue",
            "approach",
            "results",
            "funding",
            "started_year",
            "ended_year",
            "tips",
            "contact",
            "video_url",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2}),
            "issue": forms.Textarea(attrs={"rows": 5}),
            "approach": forms.Textarea(attrs={"rows": 8}),
            "results": forms.Textarea(attrs={"rows": 5}),
            "funding": forms.Textarea(attrs={"rows": 3}),
            "tips": forms.Textarea(attrs={"rows": 5}),
            "contact": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "title": {"required": gettext_lazy("事例の名称を入力してください。")},
            "summary": {"required": gettext_lazy("概要を入力してください。")},
            "issue": {
                "required": gettext_lazy("どんな地域の課題に取り組んだかを入力してください。")
            },
            "approach": {"required": gettext_lazy("取組の内容を入力してください。")},
            "started_year": {
                "required": gettext_lazy("開始年を入力してください（例：2019）。"),
                "invalid": gettext_lazy("開始年は西暦の半角数字で入力してください（例：2019）。"),
            },
            "ended_year": {
                "invalid": gettext_lazy("終了年は西暦の半角数字で入力してください（例：2024）。")
            },
            "video_url": {"invalid": gettext_lazy("https:// から始まる URL を入力してください。")},
        }

    def __init__(self, *args, organisations=None, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.editing = editing
        data = self.data if self.is_bound else None
        self.actor_rows = [
            ActorRow(data, prefix=f"actor-{i}", initial=row)
            for i, row in enumerate(self._initial_rows("actors", ACTOR_ROWS))
        ]
        self.outcome_rows = [
            OutcomeRow(data, prefix=f"outcome-{i}", initial=row)
            for i, row in enumerate(self._initial_rows("outcomes", OUTCOME_ROWS))
        ]
        self.fields["measures"].queryset = Measure.objects.published().order_by("title")
        self.fields["started_year"].widget.attrs.update(min=1980, max=2100, inputmode="numeric")
        self.fields["ended_year"].widget.attrs.update(min=1980, max=2100, inputmode="numeric")
        self.fields["photo_alt"].required_when = _("写真を載せるとき必須")
        if editing:
            self.add_version_field()
            del self.fields["organisation"]
            photos = list(self.instance.photos.all()) if self.instance.pk else []
            if photos:
                self.fields["remove_photos"].choices = [(str(p.pk), p.alt) for p in photos]
            else:
                del self.fields["remove_photos"]
            if self.instance.pk and not self.is_bound:
                self.initial.update(
                    prefecture=self.instance.prefecture_id,
                    municipality=self.instance.municipality_id,
                    fields=list(self.instance.fields.values_list("slug", flat=True)),
                    measures=list(self.instance.measures.values_list("pk", flat=True)),
                )
        else:
            del self.fields["remove_photos"]
            self.fields["organisation"].queryset = organisations or Organisation.objects.none()
            if not self.fields["organisation"].queryset.exists():
                del self.fields["organisation"]

    def _initial_rows(self, key: str, minimum: int) -> list[dict]:
        rows = list(self.initial.get(key) or [])
        if not rows and self.instance.pk:
            if key == "actors":
                rows = [
                    {
                        "role": a.role,
                        "name": a.name,
                        "organisation_name": a.organisation.name if a.organisation else "",
                        "part": a.part,
                    }
                    for a in self.instance.actors.select_related("organisation")
                ]
            else:
                rows = [
                    {"label": o.label, "value": o.value, "unit": o.unit, "source": o.source}
                    for o in self.instance.outcomes.all()
                ]
        if key == "actors":
            rows = [
                {**r, "organisation_name": r.get("organisation_name") or _org_name(r)} for r in rows
            ]
        return rows + [{}] * max(minimum - len(rows), 2)

    def full_clean(self):
        self.rows_valid = True
        if self.is_bound and not self.picker_step:
            # Each row is validated first, so that clean() (and a conflict table) sees the rows.
            checked = [row.is_valid() for row in self.actor_rows + self.outcome_rows]
            self.rows_valid = all(checked)
        super().full_clean()

    def row_values(self) -> tuple[list[dict], list[dict]]:
        if not self.rows_valid:
            return [], []
        actors = [a for a in (r.value() for r in self.actor_rows) if a]
        outcomes = [o for o in (r.value_dict() for r in self.outcome_rows) if o]
        return actors, outcomes

    def clean_started_year(self):
        year = self.cleaned_data.get("started_year")
        if year is not None and not 1980 <= year <= datetime.date.today().year + 1:
            raise forms.ValidationError(_("開始年は1980年から来年までで入力してください。"))
        return year

    def clean_video_url(self):
        url = self.cleaned_data.get("video_url", "")
        validate_video_url(url)
        return url

    def clean_photo_upload(self):
        upload = self.cleaned_data.get("photo_upload")
        if not upload:
            return None
        if upload.size > PHOTO_BYTES:
            raise forms.ValidationError(_("写真は5MB以下にしてください。"))
        return reencode_image(upload, box=1600, name="photo.png", max_bytes=PHOTO_BYTES)

    def clean(self):
        data = super().clean()
        data["actors"], data["outcomes"] = self.row_values()
        if not self.rows_valid:
            self.add_error(None, _("「関わった主体」「成果の数値」の欄に直すところがあります。"))
        elif not data["actors"]:
            self.add_error(None, _("関わった主体を1つ以上入力してください。"))
        muni, pref = data.get("municipality"), data.get("prefecture")
        if muni is not None and pref is not None and muni.prefecture_id != pref.code:
            self.add_error(
                "municipality",
                _("市区町村が選んだ都道府県のものではありません。都道府県を確かめてください。"),
            )
        end, start = data.get("ended_year"), data.get("started_year")
        if end is not None and start is not None and end < start:
            self.add_error("ended_year", _("終了年は開始年より後にしてください。"))
        if data.get("photo_upload") and not (data.get("photo_alt") or "").strip():
            self.add_error("photo_alt", _("写真に何が写っているかを書いてください。"))
        if self.editing:
            self.check_version()
        return data


def _org_name(row: dict) -> str:
    pk = row.get("organisation")
    if not pk:
        return ""
    return Organisation.objects.filter(pk=pk).values_list("name", flat=True).first() or ""


def region_label(pref_code: str, lg_code: str) -> str:
    if lg_code:
        return reference.municipality_labels().get(lg_code, lg_code)
    pref = reference.prefectures_by_code().get(pref_code)
    return pref.name if pref else pref_code
