"""The one municipality picker of every form that takes a municipality (DESIGN: never ask a person
for a code).

Without JavaScript it is a list of the chosen municipalities (checkboxes: untick to remove), a
prefecture select and, once a prefecture is shown, a select of its municipalities and wards in
kana order. The two buttons beside them submit the form as a *picker step* (`_picker=<field>`):
the page comes back with everything typed kept, no errors and the list updated. With htmx a search
box offers municipalities by name or reading (ちよだ → 千代田区) and a click adds one in place.

Forms that use it mix in `PickerFormMixin`; their views answer a picker step with 200 and the
form again (`form.picker_step`), exactly as they answer an invalid form, minus the errors."""

from django import forms
from django.forms.utils import ErrorDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import reference

PICKER_STEP = "_picker"
MAX_CHOSEN = 200


class MunicipalityPickerWidget(forms.Widget):
    template_name = "regions/widgets/municipality_picker.html"

    def __init__(self, attrs=None, *, multiple: bool = True):
        super().__init__(attrs)
        self.multiple = multiple
        self.shown_prefecture = ""
        self.stepped = False

    def value_from_datadict(self, data, files, name):
        codes = data.getlist(name) if hasattr(data, "getlist") else data.get(name) or []
        if isinstance(codes, str):
            codes = [codes]
        self.stepped = data.get(PICKER_STEP) == name
        pref = data.get(f"{name}_pref", "")
        self.shown_prefecture = pref if pref in reference.prefectures_by_code() else ""
        added = data.get(f"{name}_add", "") if self.stepped else ""
        if added and added in dict(reference.municipalities_of(self.shown_prefecture)):
            codes = [*codes, added] if self.multiple else [added]
        return list(dict.fromkeys(c for c in codes if c))

    def value_omitted_from_data(self, data, files, name):
        return False

    def format_value(self, value):
        if value in (None, ""):
            return []
        if not isinstance(value, list | tuple):
            value = [value]
        return [getattr(v, "lg_code", v) for v in value]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        labels = reference.municipality_labels()
        codes = [c for c in self.format_value(value) if isinstance(c, str)]
        shown = self.shown_prefecture
        context["widget"].update(
            {
                "multiple": self.multiple,
                "chosen": [(c, labels[c]) for c in codes if c in labels],
                "prefectures": reference.prefectures(),
                "shown_prefecture": shown,
                "municipalities": reference.municipalities_of(shown) if shown else [],
                "stepped": self.stepped,
                "step_name": PICKER_STEP,
            }
        )
        return context

    use_fieldset = True


def _unknown_error():
    return forms.ValidationError(
        _("選んだ市区町村が見つかりません。もう一度選んでください。"), code="invalid_choice"
    )


class MunicipalityMultipleChoiceField(forms.Field):
    """A list of LG codes in, the chosen `Municipality` objects (in the given order) out."""

    default_error_messages = {
        "required": gettext_lazy("市区町村を1つ以上選んでください。"),
    }

    def __init__(self, *, required=False, **kwargs):
        kwargs.setdefault("widget", MunicipalityPickerWidget(multiple=True))
        super().__init__(required=required, **kwargs)

    def to_python(self, value):
        from .models import Municipality

        codes = [str(c) for c in (value or []) if c]
        if len(codes) > MAX_CHOSEN:
            raise forms.ValidationError(
                _("市区町村は%(n)d件までにしてください。") % {"n": MAX_CHOSEN}, code="max"
            )
        if not codes:
            return []
        labels = reference.municipality_labels()
        if any(c not in labels for c in codes):
            raise _unknown_error()
        found = Municipality.objects.select_related("prefecture").in_bulk(codes)
        return [found[c] for c in codes if c in found]

    def validate(self, value):
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")


class MunicipalityChoiceField(MunicipalityMultipleChoiceField):
    """One municipality (or None): the same picker, where choosing replaces the choice."""

    default_error_messages = {"required": gettext_lazy("市区町村を選んでください。")}

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MunicipalityPickerWidget(multiple=False))
        super().__init__(**kwargs)

    def to_python(self, value):
        found = super().to_python(value)
        return found[-1] if found else None


class PickerFormMixin:
    """A form with a municipality picker: a POST made by the picker's own buttons is a step, not
    a submission — it is never valid (nothing is saved) and shows no errors."""

    has_picker = True

    @property
    def picker_step(self) -> bool:
        return bool(self.is_bound and self.data.get(PICKER_STEP))

    def full_clean(self):
        if self.picker_step:
            # Read every picker's value so that its widget knows what to show.
            for name, field in self.fields.items():
                if isinstance(field.widget, MunicipalityPickerWidget):
                    self[name].value()
            self._errors = ErrorDict()
            self.cleaned_data = {}
            return
        super().full_clean()

    def is_valid(self):
        return not self.picker_step and super().is_valid()
