"""/search/: one search box over everything registered with the search engine."""

from dataclasses import replace
from html import escape
from urllib.parse import quote_plus

import numpy as np
from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.timezone import is_aware, localtime
from django.utils.translation import gettext as _

from kyoso.core.cache import cache_anonymous_page
from kyoso.core.facets_html import field_options, prefecture_options
from kyoso.core.filters import parse_region_filters
from kyoso.core.pagination import LazyWindow, paginate, query_string

from . import registry
from .engine import COUNT_CAP, Query, hits_for, search
from .memory import index_for, ranked_keys, tokens

RANK_IN_DATABASE = 300  # up to this many matches, the engine ranks them (bm25)

PER_PAGE = 20


@cache_anonymous_page
def search_page(request):
    filters = parse_region_filters(request.GET)
    types = registry.all_types()
    active_type = request.GET.get("type", "")
    if registry.get(active_type) is None:
        active_type = ""
    base = Query(text=filters.q, region_keys=filters.region_keys, fields=filters.field_slugs)
    labels = {entry.key: str(entry.label) for entry in types}
    tabs, page, total, capped = "", None, 0, False
    if filters.q:
        counts = {entry.key: _type_count(entry.key, base) for entry in types}
        if len(types) > 1:
            tabs = _tabs_html(request, types, counts, active_type)
        query = replace(base, types=[active_type] if active_type else [])
        total = counts[active_type] if active_type else sum(counts.values())
        query._count = (min(total, COUNT_CAP), total > COUNT_CAP)  # the ranking needs no recount
        types_searched = [active_type] if active_type else [entry.key for entry in types]
        page = paginate(
            request,
            LazyWindow(total, _hits(query, labels, types_searched, total)),
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
            "pref_options": prefecture_options(
                filters.prefecture.code if filters.prefecture else "", empty_label=_("全国")
            ),
            "field_options": field_options(
                filters.field_slugs[0] if filters.field_slugs else "",
                empty_label=_("すべての分野"),
            ),
            "breadcrumbs": [(_("サイト内検索"), None)],
        },
    )


def _groups(query: Query) -> dict[str, list[str]]:
    groups = {}
    if query.region_keys:
        groups["region"] = tokens("rk", query.region_keys)
    if query.fields:
        groups["field"] = tokens("f", query.fields)
    return groups


def _type_count(type_key: str, base: Query) -> int:
    """Exact matches of one type, from the in-memory index (the keyword's matches are kept)."""
    return int(np.count_nonzero(index_for(type_key).mask(base, _groups(base))))


def _hits(query: Query, labels: dict, type_keys: list[str], total: int):
    def fetch(limit: int, offset: int):
        if total <= RANK_IN_DATABASE:  # few matches: bm25 ranking by the engine
            hits = search(query, limit=limit, offset=offset).hits
        else:
            keys = ranked_keys(query, type_keys, _groups(query), limit=limit, offset=offset)
            hits = hits_for(keys, query)
        for hit in hits:
            hit.label = labels.get(hit.type, "")
            hit.html = _line(hit)
        return hits

    return fetch


def _tabs_html(request, types, counts: dict, active_type: str):
    """すべて and one tab per type with its count, built in Python with one query string for
    all (nine links built in the template cost more than the counts themselves)."""
    base = query_string(request.GET, type=None, page=None)
    prefix = "?" + escape(base + "&" if base else "") + "type="
    current = ' aria-current="page"'
    items = [
        f'<li><a href="{prefix}"{current if not active_type else ""}>{escape(_("すべて"))}</a></li>'
    ]
    for entry in types:
        key = entry.key
        aria = current if key == active_type else ""
        items.append(
            f'<li><a href="{prefix}{escape(quote_plus(key))}"{aria}>'
            f"{escape(str(entry.label))}（{counts[key]}）</a></li>"
        )
    label = escape(_("検索対象の種類"))
    return mark_safe(  # noqa: S308 - every value above is escaped
        f'<nav class="site-tabs" aria-label="{label}"><ul>{"".join(items)}</ul></nav>'
    )


def _line(hit):
    """One result line, built in Python (a template loop cost more than the search itself)."""
    when = ""
    if hit.date:
        local = localtime(hit.date) if is_aware(hit.date) else hit.date
        when = " ・ " + escape(date_format(local, "DATE_FORMAT"))
    return mark_safe(  # noqa: S308 - every value is escaped; the snippet is built escaped
        f'<li class="site-list__item"><p class="site-list__title"><a href="{escape(hit.url)}" '
        f'lang="ja">{escape(hit.title)}</a></p><p class="site-meta">{escape(hit.label)}{when}'
        f'</p><p class="site-snippet" lang="ja">{hit.snippet}</p></li>'
    )
