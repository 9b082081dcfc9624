"""Site-wide form rendering in the Digital Agency style: label, ※必須/※任意, support, error."""

from django import forms
from django.forms.renderers import TemplatesSetting


class KyosoFormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"

    def render(self, template_name, context, request=None):
        # <select>s are built in Python, byte for byte what Django's templates give: a select of
        # the 47 prefectures took ~10 ms through a template include per option.
        if template_name == _SELECT:
            html = select_html(context["widget"])
            if html is not None:
                return html
        return super().render(template_name, context, request)


_SELECT = "django/forms/widgets/select.html"
_OPTION = "django/forms/widgets/select_option.html"


def _attrs(attrs: dict) -> str:
    from django.utils.html import conditional_escape

    out = []
    for name, value in attrs.items():
        if value is False:
            continue
        out.append(f" {name}" if value is True else f' {name}="{conditional_escape(f"{value}")}"')
    return "".join(out)


def select_html(widget: dict):
    """Django's select.html and select_option.html rendered in Python, or None for a widget
    whose options use another template."""
    from django.utils.html import conditional_escape
    from django.utils.safestring import mark_safe

    out = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            out.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for option in group_choices:
            if option["template_name"] != _OPTION:
                return None
            out.append(
                f'\n  <option value="{conditional_escape(f"{option['value']}")}"'
                f"{_attrs(option['attrs'])}>{conditional_escape(option['label'])}</option>\n"
            )
        if group_name:
            out.append("\n  </optgroup>")
    out.append("\n</select>\n")
    return mark_safe("".join(out).strip())  # noqa: S308 - escaped above; stripped as Django does


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
