"""Site-wide form rendering in the Digital Agency style: label, ※必須/※任意, support, error."""

from django import forms
from django.forms.renderers import TemplatesSetting


class KyosoFormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Ids outside the database's integer range are a field error, not an OverflowError."""

    def _check_values(self, value):
        for pk in value or []:
            text = str(pk).strip()
            if not text.isdigit() or int(text) > 2**63 - 1:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": text[:20]},
                )
        return super()._check_values(value)
