"""/search/: one search box over everything registered with the search engine."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from kyoso.core.cache import cache_anonymous_page
from kyoso.core.filters import parse_region_filters
from kyoso.core.pagination import LazyWindow, paginate
from kyoso.regions.models import Field, Prefecture

from . import registry
from .engine import Query, count, search

PER_PAGE = 20


@cache_anonymous_page
def search_page(request):
    filters = parse_region_filters(request.GET)
    types = registry.all_types()
    active_type = request.GET.get("type", "")
    if registry.get(active_type) is None:
        active_type = ""
    base = Query(text=filters.q, region_keys=filters.region_keys, fields=filters.field_slugs)
    tabs, page, total, capped = [], None, 0, False
    if filters.q:
        for entry in types:
            n, over = count(Query(**{**base.__dict__, "types": [entry.key]}))
            tabs.append({"entry": entry, "count": n, "capped": over})
        query = Query(**{**base.__dict__, "types": [active_type] if active_type else []})
        total, capped = count(query)
        page = paginate(
            request,
            LazyWindow(total, lambda limit, offset: search(query, limit=limit, offset=offset).hits),
            per_page=PER_PAGE,
        )
    return render(
        request,
        "search/search.html",
        {
            "q": filters.q,
            "filters": filters,
            "tabs": tabs,
            "active_type": active_type,
            "types": types,
            "page": page,
            "total": total,
            "capped": capped,
            "labels": {entry.key: entry.label for entry in types},
            "prefectures": Prefecture.objects.all(),
            "all_fields": Field.objects.all(),
            "breadcrumbs": [(_("サイト内検索"), None)],
        },
    )
