"""The measure registration form."""

import nh3
from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kyoso.core.forms import BoundedModelMultipleChoiceField
from kyoso.core.text import clean_name
from kyoso.directory.forms import FieldMultipleField
from kyoso.moderation.forms import VersionedFormMixin
from kyoso.platforms.forms import PlatformChoiceField
from kyoso.platforms.models import Platform
from kyoso.regions.models import Field

from .files import detect_format, scan
from .models import Measure

ALLOWED_TAGS = {
    "h2",
    "h3",
    "h4",
    "p",
    "br",
    "ul",
    "ol",
    "li",
    "a",
    "strong",
    "em",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "caption",
    "blockquote",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}


def sanitise(html: str) -> str:
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


class RelatedMeasuresField(BoundedModelMultipleChoiceField):
    pass


class MeasureForm(VersionedFormMixin, forms.ModelForm):
    platform = PlatformChoiceField(
        label=gettext_lazy("掲載するプラットフォーム"),
        queryset=Platform.objects.none(),
        empty_label=gettext_lazy("選択してください"),
        error_messages={"required": gettext_lazy("プラットフォームを選んでください。")},
    )
    audiences = forms.MultipleChoiceField(
        label=gettext_lazy("対象"),
        choices=Measure.Audience.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": gettext_lazy("対象を1つ以上選んでください。")},
    )
    fields = FieldMultipleField(
        label=gettext_lazy("分野"),
        queryset=Field.objects.all(),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple(attrs={"class": "site-columns"}),
        error_messages={"required": gettext_lazy("分野を1つ以上選んでください。")},
    )
    attachment_title = forms.CharField(
        label=gettext_lazy("添付資料の名前"), max_length=200, required=False
    )
    attachment_file = forms.FileField(
        label=gettext_lazy("添付資料"),
        required=False,
        help_text=gettext_lazy(
            "PDF・Word・Excel・PowerPoint、20MBまで。元のファイル名のまま公開されます。"
        ),
    )
    link_title = forms.CharField(
        label=gettext_lazy("関連リンクの名前"), max_length=200, required=False
    )
    link_url = forms.URLField(
        label=gettext_lazy("関連リンクの URL"),
        required=False,
        error_messages={"invalid": gettext_lazy("https:// から始まる URL を入力してください。")},
    )
    revision_note = forms.CharField(
        label=gettext_lazy("改訂の内容"),
        max_length=200,
        required=False,
        help_text=gettext_lazy(
            "公開中の施策を更新するときに書いてください。改訂履歴として表示されます。"
        ),
    )

    class Meta:
        model = Measure
        fields = [
            "platform",
            "title",
            "agency",
            "bureau",
            "kind",
            "fiscal_year",
            "budget_amount",
            "summary",
            "body",
            "audiences",
            "fields",
            "related",
            "contact",
            "announced_on",
            "call_start",
            "call_end",
            "is_featured",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 10}),
            "contact": forms.Textarea(attrs={"rows": 3}),
            "announced_on": forms.DateInput(attrs={"type": "date"}),
            "call_start": forms.DateInput(attrs={"type": "date"}),
            "call_end": forms.DateInput(attrs={"type": "date"}),
            "related": forms.SelectMultiple(attrs={"size": 5}),
        }
        field_classes = {"related": RelatedMeasuresField}
        error_messages = {
            "title": {"required": gettext_lazy("名称を入力してください。")},
            "agency": {"required": gettext_lazy("府省庁を入力してください。")},
            "kind": {"required": gettext_lazy("種類を選んでください。")},
            "fiscal_year": {
                "required": gettext_lazy("年度を入力してください。"),
                "invalid": gettext_lazy("年度は西暦の数字で入力してください。"),
            },
            "budget_amount": {"invalid": gettext_lazy("予算額は円単位の数字で入力してください。")},
            "summary": {"required": gettext_lazy("概要を入力してください。")},
            "announced_on": {"invalid": gettext_lazy("日付を正しく入力してください。")},
            "call_start": {"invalid": gettext_lazy("日付を正しく入力してください。")},
            "call_end": {"invalid": gettext_lazy("日付を正しく入力してください。")},
            "related": {
                "invalid_choice": gettext_lazy(
                    "選べない施策が指定されています。選び直してください。"
                ),
                "invalid_pk_value": gettext_lazy(
                    "選べない施策が指定されています。選び直してください。"
                ),
            },
        }

    def __init__(self, *args, platforms, editing=False, can_feature=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_feature:  # featuring on the 知る corner is the platform admins' choice
            del self.fields["is_featured"]
        self.fields["platform"].queryset = platforms
        self.fields["kind"].choices = [("", _("選択してください")), *Measure.Kind.choices]
        related = Measure.objects.published()
        if self.instance.pk:
            related = related.exclude(pk=self.instance.pk)
        self.fields["related"].queryset = related
        self.fields["related"].required = False
        self.editing = editing
        if editing:
            del self.fields["platform"]
            self.add_version_field()
        else:
            del self.fields["revision_note"]

    def clean_title(self):
        title = clean_name(self.cleaned_data.get("title", ""))
        if not title:
            raise forms.ValidationError(_("名称を入力してください。"), code="required")
        return title

    def clean_attachment_title(self):
        return clean_name(self.cleaned_data.get("attachment_title", ""))

    def clean_fiscal_year(self):
        year = self.cleaned_data["fiscal_year"]
        if not 1990 <= year <= 2100:
            raise forms.ValidationError(_("年度は1990から2100の間で入力してください。"))
        return year

    def clean_body(self):
        return sanitise(self.cleaned_data.get("body", ""))

    def clean_attachment_file(self):
        upload = self.cleaned_data.get("attachment_file")
        if upload:
            self.attachment_format = detect_format(upload)
            scan(upload)
        return upload

    def clean(self):
        data = super().clean()
        start, end = data.get("call_start"), data.get("call_end")
        if start and end and end < start:
            self.add_error("call_end", _("受付終了日は受付開始日より後にしてください。"))
        if data.get("attachment_file") and not data.get("attachment_title"):
            self.add_error("attachment_title", _("添付資料の名前を入力してください。"))
        if data.get("link_url") and not data.get("link_title"):
            self.add_error("link_title", _("関連リンクの名前を入力してください。"))
        if self.editing and not self.errors:
            self.check_version()
        return data


class FlagForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("更新が必要な点"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        error_messages={"required": gettext_lazy("更新が必要な点を入力してください。")},
    )
