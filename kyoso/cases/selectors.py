"""Read queries for cases. Cases are few (hundreds, a few thousand at most): the facts every
filter, facet and analysis figure needs are held per process and refreshed when the search index
changes; a list page filters, counts and orders them in Python and reads only its page of rows."""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations

from django.db.models import QuerySet

from kyoso.core.filters import RegionFilters, parse_region_filters
from kyoso.search.engine import Query, ranked_ids

from .models import Actor, ActorRole, Case

SORTS = ("new", "started", "relevance")
ROLE_ORDER = {value: i for i, value in enumerate(ActorRole.values)}


def _in_role_order(roles) -> list[str]:
    return sorted(roles, key=lambda r: ROLE_ORDER.get(r, 99))


@dataclass
class CaseFilters(RegionFilters):
    actors: list[str] = field(default_factory=list)
    measure: int | None = None
    sort: str = "new"


def parse_filters(params) -> CaseFilters:
    filters = CaseFilters(**parse_region_filters(params).__dict__)
    roles = [r for r in params.getlist("actor") if r][:12]
    filters.actors = [r for r in dict.fromkeys(roles) if r in ActorRole.values]
    if len(filters.actors) != len(set(roles)):
        filters.invalid.append("actor")
    measure = params.get("measure", "").strip()
    if measure.isdigit() and len(measure) < 12:
        filters.measure = int(measure)
    elif measure:
        filters.invalid.append("measure")
    sort = params.get("sort", "")
    filters.sort = sort if sort in SORTS else ("relevance" if filters.q else "new")
    if filters.sort == "relevance" and not filters.q:
        filters.sort = "new"
    return filters


def published() -> QuerySet[Case]:
    return Case.objects.published()


@dataclass(frozen=True)
class Facts:
    pk: int
    pref: str
    muni: str
    muni_parent: str
    fields: frozenset
    roles: frozenset
    role_list: tuple  # every actor's role, in order (a partnership of two NPOs counts both)
    measures: frozenset
    organisations: frozenset
    started_year: int
    published_at: object


_facts: dict[str, object] = {"version": None, "rows": [], "ranked": {}}


def all_facts() -> list[Facts]:
    from kyoso.search.engine import type_versions

    # The facts name measures (the measure filter's titles): either type's change renews them.
    version = type_versions("cases.case", "measures.measure")
    if _facts["version"] == version:
        return _facts["rows"]
    live = published()
    slugs: dict[int, set] = {}
    for case_id, slug in Case.fields.through.objects.filter(case__status="published").values_list(
        "case_id", "field__slug"
    ):
        slugs.setdefault(case_id, set()).add(slug)
    used: dict[int, set] = {}
    for case_id, measure_id in Case.measures.through.objects.filter(
        case__status="published"
    ).values_list("case_id", "measure_id"):
        used.setdefault(case_id, set()).add(measure_id)
    roles: dict[int, list] = {}
    orgs: dict[int, set] = {}
    for case_id, role, org_id in (
        Actor.objects.filter(case__status="published")
        .order_by("case_id", "position", "id")
        .values_list("case_id", "role", "organisation_id")
    ):
        roles.setdefault(case_id, []).append(role)
        if org_id:
            orgs.setdefault(case_id, set()).add(org_id)
    rows = [
        Facts(
            pk=pk,
            pref=pref,
            muni=muni or "",
            muni_parent=parent or "",
            fields=frozenset(slugs.get(pk, ())),
            roles=frozenset(roles.get(pk, ())),
            role_list=tuple(roles.get(pk, ())),
            measures=frozenset(used.get(pk, ())),
            organisations=frozenset(orgs.get(pk, ())),
            started_year=started,
            published_at=published_at,
        )
        for pk, pref, muni, parent, started, published_at in live.values_list(
            "pk",
            "prefecture_id",
            "municipality_id",
            "municipality__parent_id",
            "started_year",
            "published_at",
        )
    ]
    rows.sort(
        key=lambda r: (
            r.published_at or datetime.datetime.min.replace(tzinfo=datetime.UTC),
            r.pk,
        ),
        reverse=True,
    )
    _facts.update(version=version, rows=rows, ranked={})
    _facts.pop("measure_titles", None)
    return rows


def _keyword_ids(q: str) -> set[int]:
    from kyoso.search.memory import keyword_ids

    return keyword_ids("cases.case", q)


def _ranked(q: str) -> list[int]:
    ranked = _facts.setdefault("ranked", {})
    if q not in ranked:
        query = Query(text=q, types=["cases.case"])
        ranked[q] = [int(pk) for _t, pk in ranked_ids(query, limit=1000)]
        if len(ranked) > 500:
            ranked.pop(next(iter(ranked)))
    return ranked[q]


class Results:
    """One list request: the matching cases, their count, a page in the chosen order and every
    facet's counts under the other filters (so a facet's count is what its click lists)."""

    def __init__(self, filters: CaseFilters, pref_code: str | None = None):
        self.filters = filters
        rows = all_facts()
        if pref_code:
            rows = [r for r in rows if r.pref == pref_code]
        if filters.q:
            ids = _keyword_ids(filters.q)
            rows = [r for r in rows if r.pk in ids]
        self.base = rows
        self.rows = [r for r in rows if self._keep(r)]
        self.total = len(self.rows)

    def _keep(self, r: Facts, skip: str = "") -> bool:
        f = self.filters
        if skip != "region":
            if f.municipality is not None:
                code = f.municipality.lg_code
                if code not in (r.muni, r.muni_parent):
                    return False
            elif f.prefecture is not None and r.pref != f.prefecture.code:
                return False
        return (
            (skip == "field" or not f.fields or bool(r.fields & set(f.field_slugs)))
            and (skip == "actor" or not f.actors or set(f.actors) <= r.roles)
            and (skip == "measure" or f.measure is None or f.measure in r.measures)
        )

    def ordered_ids(self) -> list[int]:
        rows = self.rows  # newest first already
        if self.filters.sort == "started":
            return [r.pk for r in sorted(rows, key=lambda r: (-r.started_year, -r.pk))]
        if self.filters.sort == "relevance":
            ranked = _ranked(self.filters.q)
            keep = {r.pk for r in rows}
            first = [pk for pk in ranked if pk in keep]
            seen = set(first)
            return first + [r.pk for r in rows if r.pk not in seen]
        return [r.pk for r in rows]

    def facets(self) -> dict[str, Counter]:
        result = {"pref": Counter(), "field": Counter(), "actor": Counter(), "measure": Counter()}
        for r in self.base:
            if self._keep(r, "region"):
                result["pref"][r.pref] += 1
            if self._keep(r, "field"):
                result["field"].update(r.fields)
            if self._keep(r, "actor"):
                result["actor"].update(r.roles)
            if self._keep(r, "measure"):
                result["measure"].update(r.measures)
        return result


def cases_by_id(ids: list[int]) -> list[Case]:
    found = {
        c.pk: c
        for c in Case.objects.filter(pk__in=ids).select_related("prefecture", "municipality")
    }
    return [found[i] for i in ids if i in found]


def newest(*, pref_code: str | None = None, limit: int = 4) -> list[Case]:
    rows = all_facts()
    if pref_code:
        rows = [r for r in rows if r.pref == pref_code]
    return cases_by_id([r.pk for r in rows[:limit]])


def with_organisation(organisation_id: int, limit: int = 20) -> list[Case]:
    return cases_by_id([r.pk for r in all_facts() if organisation_id in r.organisations][:limit])


def with_measure(measure_id: int, limit: int = 20) -> list[Case]:
    return cases_by_id([r.pk for r in all_facts() if measure_id in r.measures][:limit])


def similar(case: Case, limit: int = 4) -> list[Case]:
    """「この事例に近い事例」: cases sharing the most words of its title and summary (the search
    index's kept word masks), then the same fields; never the case itself."""
    from kyoso.search.memory import similar_keys

    query = Query(text=f"{case.title} {case.summary}"[:200])
    ids = [
        int(pk) for _t, pk in similar_keys(query, "cases.case", limit=limit, exclude=str(case.pk))
    ]
    if len(ids) < limit:
        own = set(case.fields.values_list("slug", flat=True))
        for r in all_facts():
            if r.pk != case.pk and r.pk not in ids and r.fields & own:
                ids.append(r.pk)
            if len(ids) >= limit:
                break
    return cases_by_id(ids)


# --- analysis ---------------------------------------------------------------------------------


def by_field() -> Counter:
    counts: Counter = Counter()
    for r in all_facts():
        counts.update(r.fields)
    return counts


def by_prefecture() -> Counter:
    return Counter(r.pref for r in all_facts())


def by_role() -> Counter:
    counts: Counter = Counter()
    for r in all_facts():
        counts.update(r.roles)
    return counts


def role_pairs() -> Counter:
    """How often two kinds of actor appear in the same case (each pair once per case)."""
    counts: Counter = Counter()
    for r in all_facts():
        counts.update(combinations(_in_role_order(r.roles), 2))
    return counts


def role_combinations() -> Counter:
    """The whole set of kinds of actor per case (行政 + 社協 + 民間企業), most common first."""
    return Counter(tuple(_in_role_order(r.roles)) for r in all_facts() if r.roles)


def by_year() -> tuple[Counter, Counter]:
    """Cases started per year, and cases published per year."""
    started = Counter(r.started_year for r in all_facts())
    published_years = Counter(r.published_at.year for r in all_facts() if r.published_at)
    return started, published_years


def measure_titles(counts: Counter) -> list[tuple[int, str]]:
    """(pk, title) of the measures that published cases used, for the list's measure filter:
    read once per content version (the facts' version), not per request."""
    from kyoso.measures.models import Measure

    all_facts()
    if "measure_titles" not in _facts:
        used = {pk for r in _facts["rows"] for pk in r.measures}
        _facts["measure_titles"] = list(
            Measure.objects.published()
            .filter(pk__in=used)
            .order_by("title")
            .values_list("pk", "title")
        )
    return [(pk, title) for pk, title in _facts["measure_titles"] if pk in counts]
