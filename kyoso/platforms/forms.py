"""The national admin's form to appoint prefectural admins and moderators."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from .models import Part, Platform, PlatformRole


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


class PlatformSettingsForm(forms.Form):
    description = forms.CharField(
        label=_("紹介文"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("ホームの最初に表示されます。プラットフォームの目的や、参加している主体など。"),
    )
    contact = forms.CharField(
        label=_("問い合わせ先"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("担当部署、電話番号、メールアドレスなど。"),
    )
    logo_upload = forms.FileField(
        label=_("ロゴ画像"),
        required=False,
        help_text=_("PNG・JPEG・WebP・GIF、2MBまで。変えないときは空のまま。"),
    )
    remove_logo = forms.BooleanField(label=_("今のロゴ画像を削除する"), required=False)

    def clean_logo_upload(self):
        from kyoso.core.media import reencode_logo

        upload = self.cleaned_data.get("logo_upload")
        return reencode_logo(upload) if upload else None


class PartForm(forms.ModelForm):
    class Meta:
        model = Part
        fields = ["kind", "name", "url"]
        widgets = {"kind": forms.RadioSelect}
        error_messages = {
            "kind": {"required": _("種類を選んでください。")},
            "name": {"required": _("名称を入力してください。")},
            "url": {"invalid": _("https:// から始まる URL を入力してください。")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = Part.Kind.choices


class PlatformRoleForm(forms.Form):
    """A platform's admins appoint moderators there; national admins also appoint admins."""

    email = RoleGrantForm.base_fields["email"]
    role = forms.ChoiceField(
        label=_("役割"),
        widget=forms.RadioSelect,
        error_messages={"required": _("役割を選んでください。")},
    )

    def __init__(self, *args, platform, may_appoint_admins: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.platform = platform
        roles = PlatformRole.Role.choices
        if not may_appoint_admins:
            roles = [(v, label) for v, label in roles if v == PlatformRole.Role.MODERATOR]
        self.fields["role"].choices = roles
        self.fields["role"].initial = PlatformRole.Role.MODERATOR

    clean_email = RoleGrantForm.clean_email

    def clean(self):
        data = super().clean()
        user = getattr(self, "user", None)
        if (
            user
            and data.get("role")
            and PlatformRole.objects.filter(
                user=user, platform=self.platform, role=data["role"]
            ).exists()
        ):
            raise forms.ValidationError(_("この人はすでにその役割に任命されています。"))
        return data
