from django import forms
from django.utils.translation import gettext_lazy

from .models import Follow, Preference


class PreferenceForm(forms.ModelForm):
    class Meta:
        model = Preference
        fields = ["frequency"]
        widgets = {"frequency": forms.RadioSelect}
        help_texts = {
            "frequency": gettext_lazy(
                "フォローしているものに新しい動きがあったときのメールです。サイト内のお知らせ一覧にはいつでも表示されます。"
            )
        }


class FollowForm(forms.Form):
    target = forms.ChoiceField(choices=Follow.Target.choices)
    key = forms.CharField(max_length=40)
    follow = forms.ChoiceField(choices=[("1", "follow"), ("0", "unfollow")])
    next = forms.CharField(max_length=500, required=False)
