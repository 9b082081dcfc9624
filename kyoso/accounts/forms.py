"""Forms for the account pages."""

from allauth.account import forms as allauth_forms
from django import forms
from django.utils.translation import gettext_lazy

from kyoso.regions.picker import MunicipalityChoiceField, PickerFormMixin

from .models import User, Verification


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


class VerificationForm(PickerFormMixin, forms.Form):
    role = forms.ChoiceField(
        label=gettext_lazy("立場"),
        choices=Verification.Role.choices,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("立場を選んでください。")},
    )
    municipality = MunicipalityChoiceField(
        label=gettext_lazy("勤務先・担当の市区町村"),
        help_text=gettext_lazy("名前で探すか、都道府県から選んでください。"),
    )
    layer = forms.ChoiceField(
        label=gettext_lazy("コーディネーターの層"),
        choices=Verification.Layer.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    area_name = forms.CharField(
        label=gettext_lazy("日常生活圏域の名前"),
        max_length=60,
        required=False,
        help_text=gettext_lazy("例：中央地区、第3圏域"),
    )
    organisation_name = forms.CharField(
        label=gettext_lazy("所属（課・団体の名前）"),
        max_length=100,
        required=False,
        help_text=gettext_lazy("例：高齢福祉課、○○市社会福祉協議会"),
    )
    note = forms.CharField(
        label=gettext_lazy("確認する人へのメモ"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("連絡のつく電話番号や、確認に役立つことがあれば書いてください。"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["layer"].required_when = gettext_lazy("コーディネーターのとき必須")
        self.fields["layer"].shown_when = ("role", "coordinator")
        self.fields["area_name"].required_when = gettext_lazy("第2層のとき必須")
        self.fields["area_name"].shown_when = ("role", "coordinator")

    def clean(self):
        data = super().clean()
        if data.get("role") == Verification.Role.COORDINATOR:
            if not data.get("layer"):
                self.add_error("layer", gettext_lazy("第1層か第2層かを選んでください。"))
            elif data.get("layer") == Verification.Layer.SECOND and not data.get("area_name"):
                self.add_error(
                    "area_name", gettext_lazy("担当する日常生活圏域の名前を入力してください。")
                )
        else:
            data["layer"], data["area_name"] = "", ""
        return data


class VerificationDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[
            ("approve", gettext_lazy("確認する")),
            ("decline", gettext_lazy("確認できない")),
            ("withdraw", gettext_lazy("確認を取り消す")),
        ]
    )
    reason = forms.CharField(
        label=gettext_lazy("理由（本人に伝わります）"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") in ("decline", "withdraw") and not data.get("reason", "").strip():
            self.add_error("reason", gettext_lazy("理由を入力してください。本人に伝わります。"))
        return data
