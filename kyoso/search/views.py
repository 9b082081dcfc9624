"""/search/: one search box over everything registered with the search engine."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from . import registry


def search(request):
    q = request.GET.get("q", "").strip()[:200]
    return render(
        request,
        "search/search.html",
        {
            "q": q,
            "types": registry.all_types(),
            "breadcrumbs": [(_("サイト内検索"), None)],
        },
    )
