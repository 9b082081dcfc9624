"""Forms for the account pages."""

from django import forms

from .models import User


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "persona", "home_prefecture"]
