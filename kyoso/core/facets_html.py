"""Facet controls (select options and checkboxes with their counts) built as HTML in Python:
a list page has about 90 of them, and building them here costs a fraction of a template loop."""

import functools
from html import escape

from django.utils.safestring import SafeString, mark_safe

_escaped = functools.lru_cache(maxsize=8192)(escape)  # labels repeat on every page


def _count(label, count) -> str:
    text = _escaped(str(label))
    return f"{text}（{count:,}）" if count is not None else text


_labels: dict[tuple, list[tuple[str, str]]] = {}


def labelled(choices_class) -> list[tuple[str, str]]:
    """(value, label) of a model's TextChoices class in the active language, kept per language:
    `Kind.choices` builds its list and translates each label on every call."""
    from django.utils.translation import get_language

    key = (choices_class, get_language())
    found = _labels.get(key)
    if found is None:
        found = _labels[key] = [(str(v), str(label)) for v, label in choices_class.choices]
    return found


def select_options(choices, selected: str, *, empty_label: str | None = None) -> SafeString:
    """<option>s for (value, label, count) choices; `selected` is the chosen value."""
    parts = []
    if empty_label is not None:
        parts.append(f'<option value="">{escape(str(empty_label))}</option>')
    for value, label, count in choices:
        value = str(value)
        mark = " selected" if value == selected else ""
        parts.append(f'<option value="{_escaped(value)}"{mark}>{_count(label, count)}</option>')
    return mark_safe("".join(parts))  # noqa: S308 - every value is escaped above


def checkboxes(name: str, id_prefix: str, choices, selected) -> SafeString:
    """<div class="site-check"> checkboxes for (value, label, count) choices."""
    chosen = {str(v) for v in selected}
    parts = []
    for value, label, count in choices:
        value = str(value)
        head, tail = _checkbox_parts(name, id_prefix, value)
        mark = " checked" if value in chosen else ""
        parts.append(f"{head}{mark}{tail}{_count(label, count)}</label></div>")
    return mark_safe("".join(parts))  # noqa: S308 - every value is escaped above


@functools.lru_cache(maxsize=4096)
def _checkbox_parts(name: str, id_prefix: str, value: str) -> tuple[str, str]:
    """A checkbox's markup before and after its checked mark, escaped once per process: the
    names and values are the server's own choices (what a visitor chose only marks them)."""
    ident = escape(f"{id_prefix}-{value}")
    return (
        f'<div class="site-check"><input type="checkbox" id="{ident}" name="{escape(name)}" '
        f'value="{escape(value)}"',
        f'><label for="{ident}">',
    )


def prefecture_options(selected: str, *, empty_label: str) -> SafeString:
    """The 47 prefectures as <option>s without counts, built once per choice and language."""
    from django.utils.translation import get_language

    from kyoso.regions.reference import generation

    return _reference_options(
        "prefectures", selected, str(empty_label), get_language(), generation()
    )


def field_options(selected: str, *, empty_label: str) -> SafeString:
    """The 23 fields as <option>s without counts, built once per choice and language."""
    from django.utils.translation import get_language

    from kyoso.regions.reference import generation

    return _reference_options("fields", selected, str(empty_label), get_language(), generation())


@functools.lru_cache(maxsize=1024)
def _reference_options(
    kind: str, selected: str, empty_label: str, language: str, generation: int
) -> SafeString:
    from kyoso.regions import reference

    if kind == "prefectures":
        choices = [(p.code, p.display_name(), None) for p in reference.prefectures()]
    else:
        choices = [(f.slug, f.display_name(), None) for f in reference.fields()]
    return select_options(choices, selected, empty_label=empty_label)


def municipality_options(filters, *, empty_label: str) -> SafeString | str:
    """The chosen prefecture's municipalities (kana order) for a list filter, or "" before a
    prefecture is chosen (the shared `includes/muni_control.html` then says to choose one)."""
    from django.utils.translation import get_language

    from kyoso.regions.reference import generation

    if filters.prefecture is None:
        return ""
    chosen = filters.municipality.lg_code if filters.municipality else ""
    return _municipality_options(
        filters.prefecture.code, chosen, str(empty_label), get_language(), generation()
    )


@functools.lru_cache(maxsize=4096)
def _municipality_options(
    pref: str, chosen: str, empty_label: str, language: str, generation: int
) -> SafeString:
    """Built once per prefecture, choice and language (reference data changes only with
    load_reference_data, after which processes restart)."""
    from kyoso.regions import reference

    choices = [(code, name, None) for code, name in reference.municipalities_of(pref)]
    return select_options(choices, chosen, empty_label=empty_label)
