"""Read queries for the measures list: the shared filters plus agency, kind, fy, for, open."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When
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


def _apply(qs, filters: MeasureFilters, *, skip: str = "") -> QuerySet[Measure]:
    if filters.agency and skip != "agency":
        qs = qs.filter(agency=filters.agency)
    if filters.kinds and skip != "kind":
        qs = qs.filter(kind__in=filters.kinds)
    if filters.fiscal_year and skip != "fy":
        qs = qs.filter(fiscal_year=filters.fiscal_year)
    if filters.audience and skip != "for":
        # JSON list membership, written portably: the audience values are fixed words.
        qs = qs.filter(audiences__icontains=f'"{filters.audience}"')
    if filters.fields and skip != "field":
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


def facet_counts(filters: MeasureFilters, platform=None) -> dict[str, Counter]:
    base = published(platform)
    result = {}
    for name, column in (("agency", "agency"), ("kind", "kind"), ("fy", "fiscal_year")):
        rows = (
            _apply(base, filters, skip=name).values(column).annotate(n=Count("pk", distinct=True))
        )
        result[name] = Counter({row[column]: row["n"] for row in rows})
    rows = (
        _apply(base, filters, skip="field")
        .values("fields__slug")
        .annotate(n=Count("pk", distinct=True))
    )
    result["field"] = Counter({r["fields__slug"]: r["n"] for r in rows if r["fields__slug"]})
    audiences: Counter = Counter()
    for values in _apply(base, filters, skip="for").values_list("audiences", flat=True):
        audiences.update(values)
    result["for"] = audiences
    return result


def featured() -> list[Measure]:
    """The construction manual and support tools, featured on the 知る corner."""
    return list(published().filter(is_featured=True).order_by("kind", "-announced_on")[:6])
