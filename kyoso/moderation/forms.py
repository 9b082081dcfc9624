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


class VersionedFormMixin:
    """Edit forms of versioned content carry the version they started from (a hidden field).
    If someone else saved in the meantime, the form is invalid with a clear message, keeps what
    this person typed, and `conflict` lists (label, saved, yours) so they can decide."""

    conflict: list[tuple[str, str, str]] | None = None

    def add_version_field(self) -> None:
        self.fields["base_version"] = forms.IntegerField(
            widget=forms.HiddenInput, required=False, min_value=0, max_value=2**31 - 1
        )
        if self.instance.pk:
            self.initial["base_version"] = self.instance.version

    def check_version(self) -> None:
        posted = self.cleaned_data.get("base_version")
        if not self.instance.pk or posted is None:
            return
        current = (
            type(self.instance)
            .objects.filter(pk=self.instance.pk)
            .values_list("version", flat=True)
            .first()
        )
        if current is None or posted == current:
            return
        from .revisions import diff_rows, spec_for

        saved = type(self.instance).objects.get(pk=self.instance.pk)
        spec = spec_for(saved)
        try:
            self.conflict = diff_rows(spec, saved, spec.from_form(self))
        except (KeyError, TypeError, ValueError):  # other fields are invalid too: no table
            self.conflict = []
        self.add_error(
            None,
            forms.ValidationError(
                _(
                    "この内容は、あなたが編集を始めた後にほかの人が保存しました。"
                    "下の表で保存済みの内容とあなたの入力の違いを確かめ、"
                    "必要ならもう一度「保存する」を押してください（あなたの入力は残っています）。"
                ),
                code="conflict",
            ),
        )
        # A second submit is a deliberate choice against the version now shown.
        data = self.data.copy()
        data[self.add_prefix("base_version")] = str(current)
        self.data = data
