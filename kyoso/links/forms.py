"""The admin's link form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kyoso.core.text import clean_name
from kyoso.platforms.forms import PlatformChoiceField
from kyoso.platforms.models import Platform

from .models import Link


class LinkForm(forms.ModelForm):
    platform = PlatformChoiceField(
        label=_("掲載するプラットフォーム"),
        queryset=Platform.objects.none(),
        empty_label=_("選択してください"),
        error_messages={"required": _("プラットフォームを選んでください。")},
    )

    class Meta:
        model = Link
        fields = ["platform", "category", "title", "url", "description", "order"]
        error_messages = {
            "category": {"required": _("分類を選んでください。")},
            "title": {"required": _("名称を入力してください。")},
            "url": {
                "required": _("URL を入力してください。"),
                "invalid": _("https:// から始まる URL を入力してください。"),
            },
        }

    def __init__(self, *args, platforms, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["platform"].queryset = platforms
        self.fields["category"].choices = [("", _("選択してください")), *Link.Category.choices]

    def clean_title(self):
        title = clean_name(self.cleaned_data.get("title", ""))
        if not title:
            raise forms.ValidationError(self.fields["title"].error_messages["required"])
        return title
