"""The form a platform's staff use to write a notice."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kyoso.core.text import clean_name
from kyoso.platforms.forms import PlatformChoiceField
from kyoso.platforms.models import Platform

from .models import Notice


class NoticeForm(forms.ModelForm):
    platform = PlatformChoiceField(
        label=_("掲載するプラットフォーム"),
        queryset=Platform.objects.none(),
        empty_label=_("選択してください"),
        error_messages={"required": _("プラットフォームを選んでください。")},
    )

    class Meta:
        model = Notice
        fields = ["platform", "title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 10})}
        error_messages = {
            "title": {"required": _("件名を入力してください。")},
            "body": {"required": _("本文を入力してください。")},
        }

    def __init__(self, *args, platforms, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["platform"].queryset = platforms

    def clean_title(self):
        title = clean_name(self.cleaned_data.get("title", ""))
        if not title:
            raise forms.ValidationError(self.fields["title"].error_messages["required"])
        return title
