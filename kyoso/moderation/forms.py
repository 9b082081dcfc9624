"""The reviewer's decision form."""

from django import forms
from django.utils.translation import gettext_lazy as _


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("差し戻しの理由"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_("申請者に表示されます。何を直せば公開できるかを具体的に書いてください。"),
        error_messages={"required": _("差し戻しの理由を入力してください。")},
    )
