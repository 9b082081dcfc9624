"""Municipality suggestions for pickers (an htmx fragment; every picker works without it)."""

from urllib.parse import urlencode

from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

from kyoso.core.text import clean_param

from . import reference

# Query parameters a list filter's suggestion link does not carry over.
_DROPPED = {"muni_q", "muni", "pref", "page", "link", "path"}


def municipality_suggestions(request):
    """`?muni_q=ちよだ`: buttons that add a municipality to the picker they appear in.
    `?muni_q=ちよだ&link=1&path=/directory/&…`: links to the list at `path` filtered by it, with
    the list's other filters (sent along by the filter form) kept."""
    q = clean_param(request.GET.get("muni_q", ""), 40)
    results = reference.search_municipalities(q) if q else []
    context = {"q": q, "results": results}
    if request.GET.get("link"):
        path = request.GET.get("path", "/")
        if not path.startswith("/") or not url_has_allowed_host_and_scheme(path, None):
            path = "/"
        kept = [
            (key, clean_param(value, 200))
            for key, values in request.GET.lists()
            if key not in _DROPPED
            for value in values
            if value
        ]
        context["links"] = [
            (f"{path}?{urlencode([*kept, ('pref', pref), ('muni', code)])}", label)
            for code, pref, label in results
        ]
    return render(request, "regions/_municipality_suggestions.html", context)
