"""<select>s built in Python are exactly what Django's widget templates give."""

import pytest
from django import forms
from django.forms.renderers import TemplatesSetting

from kyoso.core.forms import KyosoFormRenderer
from kyoso.regions.models import Prefecture

pytestmark = pytest.mark.django_db


class Everything(forms.Form):
    pref = forms.ModelChoiceField(Prefecture.objects.all(), empty_label="選んでください")
    grouped = forms.ChoiceField(
        choices=[("東日本", [("a", "<北>"), ("b", "東")]), ("c", "西 & 南"), ("", "なし")],
        widget=forms.Select(attrs={"class": "dads-select", "aria-describedby": "x y"}),
    )
    many = forms.MultipleChoiceField(choices=[(1, "一"), (2, "二"), (3, "三")], required=False)
    yes_no = forms.NullBooleanField(widget=forms.NullBooleanSelect)
    disabled = forms.ChoiceField(choices=[("x", "X")], disabled=True)


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"pref": "13", "grouped": "b", "many": ["1", "3"], "yes_no": "true"},
        {"pref": "99", "grouped": "<script>", "many": ["9"], "yes_no": "unknown"},
    ],
)
def test_selects_match_the_templates(data):
    ours = KyosoFormRenderer()
    django = TemplatesSetting()
    for name in Everything.base_fields:
        form = Everything(data) if data else Everything(initial={"pref": "01", "many": [2]})
        field = form[name]
        context = field.field.widget.get_context(
            field.html_name, field.value(), field.build_widget_attrs({"id": f"id_{name}"})
        )
        assert ours.render("django/forms/widgets/select.html", context) == django.render(
            "django/forms/widgets/select.html", context
        ), name
