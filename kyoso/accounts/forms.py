"""Forms for the account pages."""

from allauth.account import forms as allauth_forms
from django import forms

from .models import User


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "persona", "home_prefecture"]


class NoPlaceholderMixin:
    """allauth repeats each label as a placeholder; the design system uses visible labels only."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)


class SignupForm(NoPlaceholderMixin, allauth_forms.SignupForm):
    pass


class LoginForm(NoPlaceholderMixin, allauth_forms.LoginForm):
    pass


class ResetPasswordForm(NoPlaceholderMixin, allauth_forms.ResetPasswordForm):
    pass


class ChangePasswordForm(NoPlaceholderMixin, allauth_forms.ChangePasswordForm):
    pass


class AddEmailForm(NoPlaceholderMixin, allauth_forms.AddEmailForm):
    pass


class ResetPasswordKeyForm(NoPlaceholderMixin, allauth_forms.ResetPasswordKeyForm):
    pass
