"""Read queries for the measures list: the shared filters plus agency, kind, fy, for, open."""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.utils import timezone

from kyoso.core.filters import RegionFilters, parse_region_filters
from kyoso.core.text import clean_param
from kyoso.search.engine import Query, matching_ids_sql, ranked_ids

from .models import Measure

SORTS = ("new", "deadline", "relevance")


@dataclass
class MeasureFilters(RegionFilters):
    agency: str = ""
    kinds: list[str] = field(default_factory=list)
    fiscal_year: int | None = None
    audience: str = ""
    open_now: bool = False
    sort: str = "new"


def parse_filters(params) -> MeasureFilters:
    filters = MeasureFilters(**parse_region_filters(params).__dict__)
    filters.agency = clean_param(params.get("agency", ""), 60)
    kinds = [k for k in params.getlist("kind") if k]
    filters.kinds = [k for k in kinds if k in Measure.Kind.values]
    fy = params.get("fy", "").strip()
    if fy.isdigit() and 1990 <= int(fy) <= 2100:
        filters.fiscal_year = int(fy)
    elif fy:
        filters.invalid.append("fy")
    audience = params.get("for", "")
    filters.audience = audience if audience in Measure.Audience.values else ""
    if audience and not filters.audience:
        filters.invalid.append("for")
    filters.open_now = params.get("open") == "1"
    sort = params.get("sort", "")
    filters.sort = sort if sort in SORTS else ("relevance" if filters.q else "new")
    if filters.sort == "relevance" and not filters.q:
        filters.sort = "new"
    return filters


def published(platform=None) -> QuerySet[Measure]:
    qs = Measure.objects.published()
    return qs.filter(platform=platform) if platform is not None else qs


def _apply(qs, filters: MeasureFilters) -> QuerySet[Measure]:
    if filters.agency:
        qs = qs.filter(agency=filters.agency)
    if filters.kinds:
        qs = qs.filter(kind__in=filters.kinds)
    if filters.fiscal_year:
        qs = qs.filter(fiscal_year=filters.fiscal_year)
    if filters.audience:
        # JSON list membership, written portably: the audience values are fixed words.
        qs = qs.filter(audiences__icontains=f'"{filters.audience}"')
    if filters.fields:
        qs = qs.filter(fields__in=filters.fields).distinct()
    if filters.open_now:
        today = timezone.localdate()
        qs = qs.filter(call_end__gte=today).filter(
            Q(call_start__isnull=True) | Q(call_start__lte=today)
        )
    if filters.q:
        sql, params = matching_ids_sql(
            Query(text=filters.q, types=["measures.measure"]), integer_ids=True
        )
        qs = qs.filter(pk__in=RawSQL(sql, params))  # noqa: S611 - SQL built by the engine, values are parameters
    return qs


RELEVANCE_WINDOW = 1000


def filtered(filters: MeasureFilters, platform=None) -> QuerySet[Measure]:
    qs = _apply(published(platform), filters).select_related("platform__prefecture", "organisation")
    if filters.sort == "deadline":
        return qs.order_by("call_end", "-id")
    if filters.sort == "relevance":
        # The engine's ranking (title weighted) for the best matches; measures are few, so the
        # ranked ids become an ORDER BY; anything past the window follows, newest first.
        ids = [
            int(pk)
            for _t, pk in ranked_ids(
                Query(text=filters.q, types=["measures.measure"]), limit=RELEVANCE_WINDOW
            )
        ]
        rank = Case(
            *[When(pk=pk, then=Value(i)) for i, pk in enumerate(ids)],
            default=Value(len(ids)),
            output_field=IntegerField(),
        )
        return qs.annotate(relevance=rank).order_by("relevance", "-announced_on", "-id")
    return qs.order_by("-announced_on", "-published_at", "-id")


def featured() -> list[Measure]:
    """The construction manual and support tools, featured on the 知る corner."""
    return list(published().filter(is_featured=True).order_by("kind", "-announced_on")[:6])


# --- the list page, from memory -------------------------------------------------------------
# Measures are few (hundreds, a few thousand at most): the facts every filter and facet needs are
# held per process, refreshed when the search index changes, and a list page filters, counts and
# orders them in Python; only its page of rows is read from the database.


@dataclass(frozen=True)
class Facts:
    pk: int
    platform_id: int
    agency: str
    kind: str
    fiscal_year: int
    audiences: frozenset
    fields: frozenset
    call_start: object
    call_end: object
    announced_on: object
    published_at: object


_facts: dict[str, object] = {"version": None, "rows": [], "ranked": {}}


def _all_facts() -> list[Facts]:
    from kyoso.search.engine import current_version

    version = current_version("measures.measure")
    if _facts["version"] == version:
        return _facts["rows"]
    slugs: dict[int, set] = {}
    for measure_id, slug in Measure.fields.through.objects.filter(
        measure__status="published"
    ).values_list("measure_id", "field__slug"):
        slugs.setdefault(measure_id, set()).add(slug)
    rows = [
        Facts(
            pk=pk,
            platform_id=platform_id,
            agency=agency,
            kind=kind,
            fiscal_year=fy,
            audiences=frozenset(audiences or []),
            fields=frozenset(slugs.get(pk, ())),
            call_start=start,
            call_end=end,
            announced_on=announced,
            published_at=published,
        )
        for pk, platform_id, agency, kind, fy, audiences, start, end, announced, published in (
            published().values_list(
                "pk",
                "platform_id",
                "agency",
                "kind",
                "fiscal_year",
                "audiences",
                "call_start",
                "call_end",
                "announced_on",
                "published_at",
            )
        )
    ]
    _facts.update(version=version, rows=rows, ranked={})
    return rows


def _keyword_ids(q: str) -> set[int]:
    from kyoso.search.memory import keyword_ids

    return keyword_ids("measures.measure", q)


def _ranked(q: str) -> list[int]:
    """The engine's ranking of the measures with these words, kept like the keyword matches."""
    ranked = _facts.setdefault("ranked", {})
    if q not in ranked:
        query = Query(text=q, types=["measures.measure"])
        ranked[q] = [int(pk) for _t, pk in ranked_ids(query, limit=RELEVANCE_WINDOW)]
        if len(ranked) > 500:
            ranked.pop(next(iter(ranked)))
    return ranked[q]


class Results:
    """One measures list request: the matching facts, their count, a page in the chosen order and
    every facet's counts under the other filters."""

    def __init__(self, filters: MeasureFilters, platform=None):
        self.filters = filters
        rows = _all_facts()
        if platform is not None:
            rows = [r for r in rows if r.platform_id == platform.pk]
        if filters.q:
            ids = _keyword_ids(filters.q)
            rows = [r for r in rows if r.pk in ids]
        if filters.open_now:
            today = timezone.localdate()
            rows = [
                r
                for r in rows
                if r.call_end
                and r.call_end >= today
                and (not r.call_start or r.call_start <= today)
            ]
        self.base = rows
        self.rows = [r for r in rows if self._keep(r)]
        self.total = len(self.rows)

    def _keep(self, r: Facts, skip: str = "") -> bool:
        f = self.filters
        return (
            (skip == "agency" or not f.agency or r.agency == f.agency)
            and (skip == "kind" or not f.kinds or r.kind in f.kinds)
            and (skip == "fy" or not f.fiscal_year or r.fiscal_year == f.fiscal_year)
            and (skip == "for" or not f.audience or f.audience in r.audiences)
            and (skip == "field" or not f.fields or bool(r.fields & set(f.field_slugs)))
        )

    def ordered_ids(self) -> list[int]:
        rows = self.rows
        if self.filters.sort == "deadline":
            dated = sorted((r for r in rows if r.call_end), key=lambda r: (r.call_end, -r.pk))
            return [r.pk for r in dated] + [r.pk for r in rows if not r.call_end]
        newest = sorted(
            rows,
            key=lambda r: (
                r.announced_on is not None,
                r.announced_on or datetime.date.min,
                r.published_at is not None,
                r.published_at or datetime.datetime.min.replace(tzinfo=datetime.UTC),
                r.pk,
            ),
            reverse=True,
        )
        if self.filters.sort == "relevance":
            ranked = _ranked(self.filters.q)
            keep = {r.pk for r in rows}
            first = [pk for pk in ranked if pk in keep]
            seen = set(first)
            return first + [r.pk for r in newest if r.pk not in seen]
        return [r.pk for r in newest]

    def facets(self) -> dict[str, Counter]:
        result: dict[str, Counter] = {"agency": Counter(), "kind": Counter(), "fy": Counter()}
        result["field"], result["for"] = Counter(), Counter()
        for r in self.base:
            if self._keep(r, "agency"):
                result["agency"][r.agency] += 1
            if self._keep(r, "kind"):
                result["kind"][r.kind] += 1
            if self._keep(r, "fy"):
                result["fy"][r.fiscal_year] += 1
            if self._keep(r, "field"):
                result["field"].update(r.fields)
            if self._keep(r, "for"):
                result["for"].update(r.audiences)
        return result


def measures_by_id(ids: list[int]) -> list[Measure]:
    found = {m.pk: m for m in Measure.objects.filter(pk__in=ids)}
    return [found[i] for i in ids if i in found]
