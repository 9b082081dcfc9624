"""Forms for local issues, answers and meeting records (municipalities chosen by name)."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kyoso.directory.forms import FieldMultipleField
from kyoso.regions.models import Field
from kyoso.regions.picker import MunicipalityChoiceField, PickerFormMixin

from .models import PARTICIPANT_KINDS, LocalIssue, Meeting, PartnerKind

MEETING_FILE_BYTES = 10 * 1024 * 1024


class IssueForm(PickerFormMixin, forms.ModelForm):
    municipality = MunicipalityChoiceField(
        label=gettext_lazy("市区町村"),
        help_text=gettext_lazy("課題のある市区町村を、名前で探して選んでください。"),
    )
    fields = FieldMultipleField(
        label=gettext_lazy("分野"),
        queryset=Field.objects.all(),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple(attrs={"class": "site-columns"}),
        error_messages={"required": gettext_lazy("分野を1つ以上選んでください。")},
    )
    partner_kinds = forms.MultipleChoiceField(
        label=gettext_lazy("求める協力者の種類"),
        choices=PartnerKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = LocalIssue
        fields = ["title", "description", "partner_needs", "deadline"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "partner_needs": forms.Textarea(attrs={"rows": 3}),
            "deadline": forms.DateInput(attrs={"type": "date"}),
        }
        help_texts = {
            "description": gettext_lazy(
                "誰が、どんなことに困っているか。個人が特定される情報は書かないでください。"
            ),
            "partner_needs": gettext_lazy("例：移動販売車の運行、週1回の見守り、会場の提供"),
        }
        error_messages = {
            "title": {"required": gettext_lazy("課題の名前を入力してください。")},
            "description": {"required": gettext_lazy("課題の内容を入力してください。")},
            "deadline": {"invalid": gettext_lazy("日付は 2027-03-31 の形で入力してください。")},
        }

    field_order = [
        "title",
        "municipality",
        "fields",
        "description",
        "partner_kinds",
        "partner_needs",
        "deadline",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial.update(
                municipality=self.instance.municipality_id,
                fields=list(self.instance.fields.values_list("slug", flat=True)),
                partner_kinds=self.instance.partner_kinds,
            )


class AnswerForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("協力する団体"),
        queryset=None,
        empty_label=None,
        error_messages={
            "invalid_choice": gettext_lazy("あなたが参加している団体を選んでください。")
        },
    )
    body = forms.CharField(
        label=gettext_lazy("メッセージ"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("何ができるか、いつから、連絡方法など。投稿した方だけが読めます。"),
        error_messages={"required": gettext_lazy("メッセージを入力してください。")},
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class MessageForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("返信"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": gettext_lazy("メッセージを入力してください。")},
    )


class StateForm(forms.Form):
    state = forms.ChoiceField(
        label=gettext_lazy("状況"),
        choices=LocalIssue.State.choices,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("状況を選んでください。")},
    )


class HideForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("非表示にする理由"),
        max_length=500,
        help_text=gettext_lazy("投稿した方に表示されます。"),
        error_messages={"required": gettext_lazy("理由を入力してください。")},
    )


class MeetingForm(PickerFormMixin, forms.ModelForm):
    municipality = MunicipalityChoiceField(label=gettext_lazy("市区町村"))
    attachment_upload = forms.FileField(
        label=gettext_lazy("資料・写真"),
        required=False,
        help_text=gettext_lazy(
            "PDF か画像（PNG・JPEG・WebP・GIF）、10MBまで。会議の記録や板書の写真など。"
        ),
    )

    class Meta:
        model = Meeting
        fields = ["kind", "title", "held_on", "place", "issues_found", "ideas", "next_steps"]
        widgets = {
            "kind": forms.RadioSelect,
            "held_on": forms.DateInput(attrs={"type": "date"}),
            "issues_found": forms.Textarea(attrs={"rows": 5}),
            "ideas": forms.Textarea(attrs={"rows": 4}),
            "next_steps": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "kind": {"required": gettext_lazy("種類を選んでください。")},
            "title": {"required": gettext_lazy("会議の名前を入力してください。")},
            "held_on": {
                "required": gettext_lazy("開催日を入力してください。"),
                "invalid": gettext_lazy("日付は 2026-11-20 の形で入力してください。"),
            },
            "issues_found": {"required": gettext_lazy("見つかった地域課題を入力してください。")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = Meeting.Kind.choices
        counts = {p.get("kind"): p.get("count") for p in (self.instance.participants or [])}
        for key, label in PARTICIPANT_KINDS:
            name = f"count_{key}"
            self.fields[name] = forms.IntegerField(
                label=_("参加者：%(kind)s（人）") % {"kind": label},
                required=False,
                min_value=0,
                max_value=100000,
                error_messages={
                    "invalid": gettext_lazy("人数は半角数字で入力してください。"),
                    "min_value": gettext_lazy("人数は0以上で入力してください。"),
                    "max_value": gettext_lazy("人数が大きすぎます。"),
                },
            )
            if counts.get(key):
                self.initial.setdefault(name, counts[key])
        if self.instance.pk and not self.is_bound:
            self.initial["municipality"] = self.instance.municipality_id
        self.order_fields(
            ["kind", "title", "held_on", "municipality", "place"]
            + [f"count_{k}" for k, _l in PARTICIPANT_KINDS]
            + ["issues_found", "ideas", "next_steps", "attachment_upload"]
        )

    def participants(self) -> list[dict]:
        return [
            {"kind": key, "count": self.cleaned_data[f"count_{key}"]}
            for key, _label in PARTICIPANT_KINDS
            if self.cleaned_data.get(f"count_{key}")
        ]

    def clean_attachment_upload(self):
        from django.core.files.base import ContentFile

        from kyoso.core.media import reencode_image
        from kyoso.measures.files import download_name, scan

        upload = self.cleaned_data.get("attachment_upload")
        if not upload:
            return None
        if upload.size > MEETING_FILE_BYTES:
            raise forms.ValidationError(_("資料は10MB以下にしてください。"))
        upload.seek(0)
        if upload.read(5).startswith(b"%PDF-"):
            upload.seek(0)
            scan(upload)
            upload.seek(0)
            name = download_name(upload.name, "pdf")
            return ContentFile(upload.read(), name=name)
        try:
            return reencode_image(upload, box=1600, name="photo.png", max_bytes=MEETING_FILE_BYTES)
        except forms.ValidationError:
            raise forms.ValidationError(
                _("PDF か画像（PNG・JPEG・WebP・GIF）のファイルを選んでください。")
            ) from None
