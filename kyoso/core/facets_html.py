"""Facet controls (select options and checkboxes with their counts) built as HTML in Python:
a list page has about 90 of them, and building them here costs a fraction of a template loop."""

from html import escape

from django.utils.safestring import SafeString, mark_safe


def _count(label, count) -> str:
    return f"{escape(str(label))}（{count:,}）" if count is not None else escape(str(label))


def select_options(choices, selected: str, *, empty_label: str | None = None) -> SafeString:
    """<option>s for (value, label, count) choices; `selected` is the chosen value."""
    parts = []
    if empty_label is not None:
        parts.append(f'<option value="">{escape(str(empty_label))}</option>')
    for value, label, count in choices:
        value = str(value)
        mark = " selected" if value == selected else ""
        parts.append(f'<option value="{escape(value)}"{mark}>{_count(label, count)}</option>')
    return mark_safe("".join(parts))  # noqa: S308 - every value is escaped above


def checkboxes(name: str, id_prefix: str, choices, selected) -> SafeString:
    """<div class="site-check"> checkboxes for (value, label, count) choices."""
    chosen = {str(v) for v in selected}
    parts = []
    for value, label, count in choices:
        value = str(value)
        ident = escape(f"{id_prefix}-{value}")
        mark = " checked" if value in chosen else ""
        parts.append(
            f'<div class="site-check"><input type="checkbox" id="{ident}" name="{escape(name)}" '
            f'value="{escape(value)}"{mark}><label for="{ident}">'
            f"{_count(label, count)}</label></div>"
        )
    return mark_safe("".join(parts))  # noqa: S308 - every value is escaped above
