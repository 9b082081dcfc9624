"""The national admin's form to appoint prefectural admins and moderators."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from .models import Platform, PlatformRole


class PlatformChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Platform) -> str:
        return obj.short_name()


class RoleGrantForm(forms.Form):
    email = forms.EmailField(
        label=_("メールアドレス"),
        help_text=_("任命する人が、このサイトにアカウントを登録済みである必要があります。"),
        error_messages={
            "required": _("メールアドレスを入力してください。"),
            "invalid": _("メールアドレスの形式が正しくありません。"),
        },
    )
    platform = PlatformChoiceField(
        label=_("プラットフォーム"),
        queryset=Platform.objects.select_related("prefecture"),
        empty_label=_("選択してください"),
        error_messages={"required": _("プラットフォームを選んでください。")},
    )
    role = forms.ChoiceField(
        label=_("役割"),
        choices=PlatformRole.Role.choices,
        widget=forms.RadioSelect,
        initial=PlatformRole.Role.ADMIN,
        error_messages={"required": _("役割を選んでください。")},
    )

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        try:
            self.user = get_user_model().objects.get(email__iexact=email, is_active=True)
        except get_user_model().DoesNotExist:
            raise forms.ValidationError(
                _(
                    "このメールアドレスのアカウントは見つかりません。先にアカウント登録を依頼してください。"
                )
            ) from None
        return email

    def clean(self):
        data = super().clean()
        user = getattr(self, "user", None)
        if (
            user
            and data.get("platform")
            and data.get("role")
            and PlatformRole.objects.filter(
                user=user, platform=data["platform"], role=data["role"]
            ).exists()
        ):
            raise forms.ValidationError(_("この人はすでにその役割に任命されています。"))
        return data
