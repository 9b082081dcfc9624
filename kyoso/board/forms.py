from django import forms
from django.utils.translation import gettext_lazy

from kyoso.core.text import clean_name
from kyoso.directory.forms import FieldMultipleField
from kyoso.regions.models import Field, Prefecture
from kyoso.regions.picker import MunicipalityChoiceField, PickerFormMixin

from .models import Board, Report

BODY_HELP = gettext_lazy(
    "使える書き方：空行で段落、**太字**、「- 」で始まる行は箇条書き、「> 」で始まる行は引用。"
    "リンクはそのまま URL を書いてください。"
)


class BodyField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", gettext_lazy("本文"))
        kwargs.setdefault("max_length", 10_000)
        kwargs.setdefault("help_text", BODY_HELP)
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 8}))
        kwargs.setdefault("error_messages", {"required": gettext_lazy("本文を入力してください。")})
        super().__init__(**kwargs)


class AttachmentMixin(forms.Form):
    """One image or PDF, checked by content (kyoso.board.files)."""

    attachment = forms.FileField(
        label=gettext_lazy("添付ファイル（画像かPDFを1つ、10MBまで）"),
        required=False,
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/png,image/jpeg,image/webp,image/gif,application/pdf"}
        ),
    )
    attachment_alt = forms.CharField(
        label=gettext_lazy("画像の説明"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("画像を付けるときは、何が写っているかを書いてください。"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachment_alt"].required_when = gettext_lazy("画像を付けるとき必須")

    def clean(self):
        from .files import check_upload

        data = super().clean()
        upload = data.get("attachment")
        data["checked_file"] = None
        if upload:
            try:
                data["checked_file"] = check_upload(upload, data.get("attachment_alt", ""))
            except forms.ValidationError as error:
                field = "attachment_alt" if error.code == "alt" else "attachment"
                self.add_error(field, error)
        return data


class ConfirmMixin(forms.Form):
    """The second step of posting: seen 似ている話題, and (when the text looks like it holds
    personal information) confirmed that it may be published."""

    confirm_personal = forms.BooleanField(
        label=gettext_lazy("個人を特定できる情報が含まれていないことを確認しました"),
        required=False,
    )


class ThreadForm(PickerFormMixin, AttachmentMixin, ConfirmMixin):
    title = forms.CharField(
        label=gettext_lazy("タイトル"),
        max_length=120,
        help_text=gettext_lazy("例：買い物支援の担い手が集まらない（人口3千人の町）"),
        error_messages={"required": gettext_lazy("タイトルを入力してください。")},
    )
    body = BodyField()
    fields = FieldMultipleField(
        label=gettext_lazy("分野"),
        queryset=Field.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "site-columns"}),
    )
    prefecture = forms.ModelChoiceField(
        label=gettext_lazy("地域（都道府県）"),
        queryset=Prefecture.objects.order_by("code"),
        required=False,
        empty_label=gettext_lazy("指定しない"),
    )
    municipality = MunicipalityChoiceField(
        label=gettext_lazy("地域（市区町村）"),
        required=False,
        help_text=gettext_lazy("話題が特定の市区町村のことなら、名前で探して選んでください。"),
    )

    field_order = [
        "title",
        "body",
        "fields",
        "prefecture",
        "municipality",
        "attachment",
        "attachment_alt",
        "confirm_personal",
    ]

    def clean_title(self):
        return clean_name(self.cleaned_data["title"])

    def clean(self):
        data = super().clean()
        muni = data.get("municipality")
        if muni is not None and not data.get("prefecture"):
            data["prefecture"] = Prefecture.objects.filter(code=muni.prefecture_id).first()
        return data


class ReplyForm(AttachmentMixin, ConfirmMixin):
    body = BodyField(label=gettext_lazy("返信"))

    field_order = ["body", "attachment", "attachment_alt", "confirm_personal"]


class EditForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("タイトル"), max_length=120, required=False)
    body = BodyField()

    def clean_title(self):
        return clean_name(self.cleaned_data.get("title", ""))


class ReportForm(forms.ModelForm):
    # Declared so that the radio buttons have no empty, preselected "choose one" entry.
    reason = forms.ChoiceField(
        label=gettext_lazy("通報の理由"),
        choices=Report.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("理由を選んでください。")},
    )

    class Meta:
        model = Report
        fields = ["reason", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}
        labels = {"note": gettext_lazy("補足（任意）")}


class PostModerationForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("hide", "hide"), ("restore", "restore"), ("approve", "approve"), ("keep", "keep")]
    )
    reason = forms.CharField(
        label=gettext_lazy("理由（投稿した人に伝わります）"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        data = super().clean()
        if data.get("action") == "hide" and not data.get("reason", "").strip():
            self.add_error(
                "reason",
                gettext_lazy("非表示にする理由を入力してください。投稿した人に伝わります。"),
            )
        return data


class ThreadModerationForm(forms.Form):
    action = forms.ChoiceField(choices=[(a, a) for a in ("lock", "unlock", "pin", "unpin", "move")])
    board = forms.ModelChoiceField(
        queryset=Board.objects.all(), required=False, to_field_name="slug"
    )
    reason = forms.CharField(max_length=1000, required=False)


class SuspendForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("理由（本人に伝わります）"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": gettext_lazy("理由を入力してください。")},
    )
    hide_all = forms.BooleanField(
        label=gettext_lazy("この人がこのプラットフォームに書いたものをすべて非表示にする"),
        required=False,
    )
