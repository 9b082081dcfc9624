"""Read queries for the directory: the filtered list with facet counts, similar names."""

import hashlib
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from django.core.cache import caches
from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet
from django.db.models.expressions import RawSQL

from kyoso.core.filters import RegionFilters, parse_region_filters
from kyoso.regions.codes import NATIONWIDE_KEY
from kyoso.search.engine import (
    Query,
    count,
    matching_ids_sql,
    ordered_ids,
    ranked_ids,
    snippet,
)

from .models import Organisation, OrganisationRegionKey

SORTS = ("relevance", "kana", "new")


@dataclass
class DirectoryFilters(RegionFilters):
    kinds: list[str] = field(default_factory=list)
    scales: list[str] = field(default_factory=list)
    only_local: bool = False
    sort: str = "kana"


def parse_filters(params) -> DirectoryFilters:
    base = parse_region_filters(params)
    filters = DirectoryFilters(**base.__dict__)
    kinds = [k for k in params.getlist("kind") if k]
    filters.kinds = [k for k in kinds if k in Organisation.Kind.values]
    scales = [s for s in params.getlist("scale") if s]
    filters.scales = [s for s in scales if s in Organisation.Scale.values]
    if len(filters.kinds) != len(kinds) or len(filters.scales) != len(scales):
        filters.invalid.append("kind/scale")
    filters.only_local = params.get("local") == "1"
    sort = params.get("sort", "")
    filters.sort = sort if sort in SORTS else ("relevance" if filters.q else "kana")
    if filters.sort == "relevance" and not filters.q:
        filters.sort = "kana"
    return filters


def listed_organisations(platform=None) -> QuerySet[Organisation]:
    qs = Organisation.objects.published().filter(is_suspended=False)
    if platform is not None:
        qs = qs.filter(platform=platform)
    return qs


def _region_keys(filters: DirectoryFilters) -> list[str]:
    keys = filters.region_keys
    if filters.only_local and keys:
        keys = [k for k in keys if k != NATIONWIDE_KEY]
        if filters.municipality is not None:
            keys = [k for k in keys if k.startswith("M")]
    return keys


def _apply(qs, filters: DirectoryFilters, *, skip: str = "") -> QuerySet[Organisation]:
    keys = _region_keys(filters)
    if keys and skip != "pref":
        qs = qs.filter(
            Exists(OrganisationRegionKey.objects.filter(organisation=OuterRef("pk"), key__in=keys))
        )
    if filters.fields and skip != "field":
        qs = qs.filter(fields__in=filters.fields).distinct()
    if filters.kinds and skip != "kind":
        qs = qs.filter(kind__in=filters.kinds)
    if filters.scales and skip != "scale":
        qs = qs.filter(scale__in=filters.scales)
    if filters.q:
        sql, params = matching_ids_sql(
            Query(text=filters.q, types=["directory.organisation"]), integer_ids=True
        )
        qs = qs.filter(pk__in=RawSQL(sql, params))  # noqa: S611 - SQL built by the engine, values are parameters
    return qs


def filtered(filters: DirectoryFilters, platform=None) -> QuerySet[Organisation]:
    return _apply(listed_organisations(platform), filters)


def search_query(filters: DirectoryFilters, platform=None) -> Query:
    cached = getattr(filters, "_search_query", None)
    if cached is not None and cached[0] == platform:
        return cached[1]
    query = Query(
        text=filters.q,
        types=["directory.organisation"],
        platform_ids=[platform.pk] if platform is not None else [],
        region_keys=_region_keys(filters),
        fields=filters.field_slugs,
        facets={"kind": filters.kinds, "scale": filters.scales},
    )
    filters._search_query = (platform, query)
    return query


def page_of_organisations(filters: DirectoryFilters, *, platform=None, limit: int, offset: int):
    """One page of results in the chosen order, each with `.snippet` (matches highlighted).
    Relevance comes from the search engine's ranking; the other orders from the ORM."""
    orgs = _page(filters, platform=platform, limit=limit, offset=offset)
    words = [form for forms in search_query(filters, platform).text_terms() for form in forms]
    for org in orgs:
        org.snippet = snippet(org.description, words)
    return orgs


def _page(filters: DirectoryFilters, *, platform=None, limit: int, offset: int):
    query = search_query(filters, platform)
    if filters.sort == "relevance" or len(query.facet_groups()) > 1:
        # Keywords or filters: the index finds and orders the page (one indexed query).
        if filters.sort == "relevance":
            keys = ranked_ids(query, limit=limit, offset=offset)
        else:
            keys = ordered_ids(query, order=filters.sort, limit=limit, offset=offset)
        ids = [int(pk) for _t, pk in keys]
        by_id = {o.pk: o for o in _with_related(Organisation.objects.filter(pk__in=ids))}
        return [by_id[i] for i in ids if i in by_id]
    order = ["-published_at", "-id"] if filters.sort == "new" else ["name_kana", "id"]
    return list(
        _with_related(filtered(filters, platform).order_by(*order))[offset : offset + limit]
    )


def total_count(filters: DirectoryFilters, platform=None) -> tuple[int, bool]:
    """Counted by the search index whenever a condition is set (the facets column makes region,
    field, kind and scale one indexed query); only the unfiltered list is counted by the ORM."""
    query = search_query(filters, platform)
    if filters.q or len(query.facet_groups()) > 1:
        return count(query)
    return filtered(filters, platform).count(), False


def _with_related(qs):
    return qs.select_related("platform__prefecture").prefetch_related(
        "fields", "area_prefectures", "area_municipalities__prefecture"
    )


def directory_version() -> str:
    """Changes whenever any organisation is saved (published, edited, suspended): cached figures
    keyed by it are invalidated at once in every worker process, without a shared cache."""
    latest = Organisation.objects.aggregate(latest=Max("updated_at"))["latest"]
    return latest.isoformat() if latest else "empty"


def facet_counts(filters: DirectoryFilters, platform=None) -> dict[str, Counter]:
    """Facet counts, cached until the directory changes (they are the costly part of a page)."""
    signature = "|".join(
        [
            str(platform.pk if platform else ""),
            filters.q,
            ",".join(_region_keys(filters)),
            ",".join(sorted(filters.field_slugs)),
            ",".join(sorted(filters.kinds)),
            ",".join(sorted(filters.scales)),
        ]
    )
    key = (
        "directory:facets:"
        + hashlib.sha256(f"{directory_version()}|{signature}".encode()).hexdigest()
    )
    cache = caches["pages"]
    result = cache.get(key)
    if result is None:
        result = _facet_counts(filters, platform)
        cache.set(key, result, timeout=3600)
    return result


def _facet_counts(filters: DirectoryFilters, platform=None) -> dict[str, Counter]:
    """For each facet, counts under every other active filter (so counts say what a click gives)."""
    base = listed_organisations(platform)
    result: dict[str, Counter] = {}
    for name, column in (("kind", "kind"), ("scale", "scale")):
        rows = (
            _apply(base, filters, skip=name).values(column).annotate(n=Count("pk", distinct=True))
        )
        result[name] = Counter({row[column]: row["n"] for row in rows})
    field_rows = (
        _apply(base, filters, skip="field")
        .values("fields__slug")
        .annotate(n=Count("pk", distinct=True))
    )
    result["field"] = Counter({r["fields__slug"]: r["n"] for r in field_rows if r["fields__slug"]})
    matching = _apply(base, filters, skip="pref").values("pk")
    key_rows = (
        OrganisationRegionKey.objects.filter(organisation__in=matching)
        .filter(Q(key__startswith="P") | Q(key__startswith="IN"))
        .values("key")
        .annotate(n=Count("organisation", distinct=True))
    )
    prefs: Counter = Counter()
    for row in key_rows:
        prefs[row["key"].removeprefix("IN").removeprefix("P")] += row["n"]
    result["pref"] = prefs
    return result


def _fold(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).lower()
    for word in (
        "特定非営利活動法人",
        "npo法人",
        "一般社団法人",
        "公益社団法人",
        "一般財団法人",
        "公益財団法人",
        "社会福祉法人",
        "株式会社",
        "(株)",
        "（株）",
        " ",
        "　",
    ):
        text = text.replace(word, "")
    return text


def similar_organisations(org: Organisation, limit: int = 5) -> list[Organisation]:
    """Existing organisations whose name or reading looks like this one (for the reviewer)."""
    folded = _fold(org.name)
    candidates = Organisation.objects.exclude(pk=org.pk).filter(
        Q(name_kana=org.name_kana) | Q(name__icontains=folded[:8]) | Q(name=org.name)
    )[:50]
    return [
        c
        for c in candidates
        if _fold(c.name) == folded
        or c.name_kana == org.name_kana
        or folded in _fold(c.name)
        or _fold(c.name) in folded
    ][:limit]
