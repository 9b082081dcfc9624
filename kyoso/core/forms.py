"""Site-wide form rendering in the Digital Agency style: label, ※必須/※任意, support, error."""

from django.forms.renderers import TemplatesSetting


class KyosoFormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
