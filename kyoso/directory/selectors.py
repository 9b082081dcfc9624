"""Read queries for the directory: the filtered list with facet counts, similar names."""

import functools
import unicodedata
from dataclasses import dataclass, field

import numpy as np
from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.urls import reverse

from kyoso.core.filters import RegionFilters, parse_region_filters
from kyoso.regions import reference
from kyoso.regions.codes import NATIONWIDE_KEY, inside_pref_key, pref_key
from kyoso.regions.reference import field_slugs, prefecture_codes
from kyoso.search.engine import COUNT_CAP, Query, matching_ids_sql, ranked_ids, snippet
from kyoso.search.memory import facet_values, index_for, tokens
from kyoso.search.models import SearchEntry

from .models import Organisation, OrganisationRegionKey

SORTS = ("relevance", "kana", "new")
RANK_IN_DATABASE = 300  # words found in at most this many entries are ranked by bm25
TYPE = "directory.organisation"


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


def _apply(qs, filters: DirectoryFilters) -> QuerySet[Organisation]:
    keys = _region_keys(filters)
    if keys:
        qs = qs.filter(
            Exists(OrganisationRegionKey.objects.filter(organisation=OuterRef("pk"), key__in=keys))
        )
    if filters.fields:
        qs = qs.filter(fields__in=filters.fields).distinct()
    if filters.kinds:
        qs = qs.filter(kind__in=filters.kinds)
    if filters.scales:
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
        types=[TYPE],
        platform_ids=[platform.pk] if platform is not None else [],
        region_keys=_region_keys(filters),
        fields=filters.field_slugs,
        facets={"kind": filters.kinds, "scale": filters.scales},
    )
    filters._search_query = (platform, query)
    return query


class Results:
    """One directory list request: the filters analysed once, one mask over the in-memory index
    (kyoso.search.memory), and from it the count, a page in any order and every facet's counts."""

    def __init__(self, filters: DirectoryFilters, platform=None):
        self.filters = filters
        self.platform = platform
        self.query = search_query(filters, platform)
        self.index = index_for(TYPE)
        groups = {}
        if platform is not None:
            groups["platform"] = tokens("pl", [platform.pk])
        keys = _region_keys(filters)
        if keys:
            groups["pref"] = tokens("rk", keys)
        if filters.fields:
            groups["field"] = tokens("f", filters.field_slugs)
        if filters.kinds:
            groups["kind"] = tokens("kind", filters.kinds)
        if filters.scales:
            groups["scale"] = tokens("scale", filters.scales)
        self.groups = {name: self.index.any_of(t) for name, t in groups.items()}
        self.keyword = self.index.keyword_mask(self.query) if filters.q else None
        self.mask = self._mask()
        self.total = int(np.count_nonzero(self.mask))  # (mask.sum() costs seven times more)
        self._at = None
        # The relevance order still comes from the full-text ranking: tell it the count.
        self.query._count = (min(self.total, COUNT_CAP), self.total > COUNT_CAP)

    def _mask(self, skip: str = ""):
        mask = self.keyword if self.keyword is not None else None
        for name, group in self.groups.items():
            if name != skip:
                mask = group if mask is None else mask & group
        if mask is None:
            mask = np.ones(self.index.n, dtype=bool)
        return mask

    def page(self, *, limit: int, offset: int) -> list["Row"]:
        if self.filters.sort == "relevance":
            ids = self._relevance_page(limit=limit, offset=offset)
        else:
            order = "new" if self.filters.sort == "new" else "kana"
            at = self.positions() if order == "kana" else None
            keys = self.index.page(self.mask, order=order, offset=offset, limit=limit, at=at)
            ids = [int(pk) for pk in keys]
        rows = list_rows(ids)
        words = self.query.highlight_words()
        wanted = {form for forms in self.query.text_terms() for form in forms}
        for row in rows:
            found = row.body_forms is None or not row.body_forms.isdisjoint(wanted)
            row.snippet = snippet(row.description, words if found else [])
        return rows

    def _relevance_page(self, *, limit: int, offset: int) -> list[int]:
        """Few matches: the full-text ranking (title weighted). Many: matches in the name (or its
        reading) first, then the others, each in あいうえお order — from memory, so a common
        word never makes the database score tens of thousands of rows."""
        # bm25 reads every entry with the words, whatever the other filters: affordable only
        # for words that few entries have.
        if int(np.count_nonzero(self.keyword)) <= RANK_IN_DATABASE:
            return [int(pk) for _t, pk in ranked_ids(self.query, limit=limit, offset=offset)]
        in_title = self.mask & self.index.keyword_mask(self.query, title_only=True)
        first = self.index.page(in_title, order="kana", offset=offset, limit=limit)
        n_title = int(np.count_nonzero(in_title))
        rest = []
        if len(first) < limit:
            rest = self.index.page(
                self.mask & ~in_title,
                order="kana",
                offset=max(0, offset - n_title),
                limit=limit - len(first),
            )
        return [int(pk) for pk in first + rest]

    def positions(self) -> np.ndarray:
        """The list's entries as positions (np.flatnonzero of the mask), found once."""
        if self._at is None:
            self._at = np.flatnonzero(self.mask)
        return self._at

    def _others(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """The mask under every active filter but `name`, and its positions. A facet with
        nothing chosen has the list's own: its positions are shared, not found again."""
        if name not in self.groups:
            return self.mask, self.positions()
        mask = self._mask(name)
        return mask, np.flatnonzero(mask)

    def facets(self) -> dict[str, dict[str, int]]:
        """For each facet, counts under every other active filter: what a click would list."""
        index = self.index
        values = {
            "kind": facet_values("kind", _KINDS),
            "scale": facet_values("scale", _SCALES),
            "field": facet_values("f", field_slugs()),
        }
        result = {}
        for name, (choices, key) in values.items():
            others, at = self._others(name)
            chosen = self.groups.get(name)
            if chosen is None:
                result[name] = index.counts(others, choices, key, at=at)
                continue
            # Checkboxes add to what is chosen (any of them): an unticked box's count is the
            # list it gives, today's list plus those it adds; a ticked box shows its own count.
            added = index.counts(others & ~chosen, choices, key)
            own = index.counts(others, choices, key, at=at)
            picked = set(getattr(self.filters, {"field": "field_slugs"}.get(name, name + "s")))
            result[name] = {v: own[v] if v in picked else self.total + added[v] for v in choices}
        # Choosing a prefecture lists who works in it and, unless only local members are asked
        # for, the nationwide members: the count says the same.
        pref_mask, at = self._others("pref")
        prefs = index.counts(pref_mask, *_prefecture_values(), at=at)
        if not self.filters.only_local:
            nationwide = int(np.count_nonzero(pref_mask & index.any_of(_NATIONWIDE)))
            prefs = {code: n + nationwide for code, n in prefs.items()}
        result["pref"] = prefs
        return result


_NATIONWIDE = tuple(tokens("rk", [NATIONWIDE_KEY]))
# The facets' values, once: Django's Choices.values builds its list (through every label) on
# each read, ~120 µs for the kinds.
_KINDS = tuple(Organisation.Kind.values)
_SCALES = tuple(Organisation.Scale.values)


@functools.cache
def _prefecture_values() -> tuple[dict[str, list[str]], tuple]:
    """{prefecture code: its region tokens} and its plan key, built once per process."""
    mapping = {
        code: tokens("rk", [pref_key(code), inside_pref_key(code)]) for code in prefecture_codes()
    }
    return mapping, tuple((v, tuple(t)) for v, t in mapping.items())


@dataclass
class Row:
    """What one line of the directory list shows (no model instances, no per-row queries).
    Kept rows serve every language: what has a name per language (kind, prefectures, fields)
    is kept as its code and named when the line is built for a language (_row_parts)."""

    pk: int
    name: str
    name_kana: str
    kind: str
    area_kind: str
    areas: list[tuple[str, str]]  # ("pref", code) or ("", a municipality's label)
    more_areas: bool
    field_slugs: list[str]  # "" for a field unknown to the reference data
    description: str
    is_demo: bool
    snippet: str = ""
    body_forms: frozenset | None = None  # analysed words of the description (None: unknown)
    # The line's HTML around the snippet, per language; shared by the copies of a kept row.
    parts_cache: dict = field(default_factory=dict, repr=False, compare=False)

    def get_absolute_url(self) -> str:
        return _detail_url(self.pk)

    @property
    def html(self):
        """The whole list line. Built in Python once per kept row and language: twenty lines of
        template loops cost more than the rest of the page at 100,000 organisations."""
        from django.utils.html import conditional_escape
        from django.utils.safestring import mark_safe
        from django.utils.translation import get_language

        language = get_language() or "ja"
        parts = self.parts_cache.get(language)
        if parts is None:
            parts = self.parts_cache[language] = _row_parts(self, language)
        return mark_safe(parts[0] + str(conditional_escape(self.snippet)) + parts[1])  # noqa: S308


_line_labels: dict[tuple, tuple] = {}


def _labels_for(language: str) -> tuple:
    """What every line of a language shares (kinds, area and field names, the fixed words),
    kept per language and generation of the reference data: looked up once per line instead of
    translating six words and reading three maps for each."""
    from html import escape

    from django.utils.translation import gettext

    from kyoso.core.facets_html import labelled

    key = (language, reference.generation())
    found = _line_labels.get(key)
    if found is None:
        found = _line_labels[key] = (
            dict(labelled(Organisation.Kind)),
            reference.prefecture_name_map(),
            reference.field_name_map(),
            {
                "nationwide": escape(gettext("全国")),
                "prefectures": escape(gettext("都道府県")),
                "": escape(gettext("市区町村")),
            },
            f'<ul class="site-tags" aria-label="{escape(gettext("分野"))}">',
            escape(" " + gettext("ほか")),
            f' ・ <span class="site-badge">{escape(gettext("デモ"))}</span>',
        )
    return found


def _row_parts(row: "Row", language: str) -> tuple[str, str]:
    """The line around its snippet, with f-strings and html.escape (at 100,000 organisations
    most lines of a varied page are new, and format_html per part cost a fifth of the page)."""
    from html import escape

    kinds, prefs, fields, area_labels, tags_open, more_text, demo_html = _labels_for(language)
    kind = kinds.get(row.kind, row.kind)
    areas = [prefs.get(code, code) if what == "pref" else code for what, code in row.areas]
    field_names = [fields.get(slug, "") for slug in row.field_slugs]
    area_label = area_labels.get(row.area_kind) or area_labels[""]
    tags = (
        tags_open + "".join(f"<li>{escape(name)}</li>" for name in field_names) + "</ul>"
        if field_names
        else ""
    )
    more = more_text if row.more_areas else ""
    demo = demo_html if row.is_demo else ""
    kana = escape(row.name_kana)
    head = (
        f'<li class="site-list__item site-org"><h3 class="site-org__name"><a href="'
        f'{escape(_detail_url(row.pk, language))}" lang="ja" data-yomi="{kana}">'
        f"{escape(row.name)}</a></h3>"
        f'<p class="site-org__kana" lang="ja">{kana}</p>'
        f'<p class="site-meta">{escape(kind)} ・ <span class="site-badge" '
        f'data-type="area">{area_label}</span> {escape("、".join(areas))}'
        f"{more}{demo}</p>{tags}"
        '<p class="site-snippet" lang="ja">'
    )
    return head, "</p></li>"


_MARK = 987654321987  # a pk no organisation has: the detail URL is built around it


def _detail_url(pk: int, language: str | None = None) -> str:
    """The detail page's URL in `language` (by default the active one)."""
    from django.urls import get_script_prefix
    from django.utils.translation import get_language

    before, after = _detail_url_parts(language or get_language(), get_script_prefix())
    return f"{before}{pk}{after}"


@functools.lru_cache(maxsize=16)
def _detail_url_parts(language: str, prefix: str) -> tuple[str, str]:
    before, _mark, after = reverse("directory:detail", kwargs={"pk": _MARK}).partition(str(_MARK))
    return before, after


def _copy(row: Row) -> Row:
    """A shallow copy of a kept row for one request (its snippet is the request's; the rest,
    parts_cache included, is shared): 1.2 µs against 5.1 for dataclasses.replace, which runs
    __init__ with every field."""
    fresh = object.__new__(Row)
    fresh.__dict__.update(row.__dict__)
    return fresh


_rows: dict = {"version": None, "rows": {}}
ROW_CACHE = 20_000


def list_rows(ids: list[int]) -> list[Row]:
    """The rows for a page of organisation ids, in that order. Rows are kept per process until
    the content changes; missing ones cost four indexed reads of plain values (names of fields,
    prefectures and municipalities come from reference data in memory)."""
    from kyoso.search.engine import current_version

    version = current_version("directory.organisation")
    if _rows["version"] != version:
        _rows.update(version=version, rows={})
    cache = _rows["rows"]
    missing = [i for i in ids if i not in cache]
    if missing:
        if len(cache) > ROW_CACHE:
            cache.clear()
        cache.update({row.pk: row for row in _read_rows(missing)})
    return [_copy(cache[i]) for i in ids if i in cache]


def _read_rows(ids: list[int]) -> list[Row]:
    """Two plain reads by primary key (no ORM query building: at 100,000 organisations almost
    every line of a varied page is missing from the kept rows, and building querysets cost more
    than running them): the organisations with the analysed words of their descriptions, and
    their fields and areas in one UNION (each read is a round trip to PostgreSQL)."""
    if not ids:
        return []
    fields = {str(f.pk): f.slug for f in reference.fields()}
    prefs = {code for code, _name in reference.prefecture_names()}
    munis = reference.municipality_labels()
    in_ids = ", ".join(["%s"] * len(ids))
    field_map: dict[int, list[str]] = {}
    area_map: dict[int, list[tuple[str, str]]] = {}

    def through(relation: str) -> str:
        return Organisation._meta.get_field(relation).remote_field.through._meta.db_table

    # (relation, order within it, value as text): areas list the prefectures first, then the
    # municipalities, each in the order they were chosen (the through row's id).
    related = " UNION ALL ".join(
        f"SELECT organisation_id, {tag}, {order}, CAST({column} AS TEXT) "  # noqa: S608 - models
        f"FROM {through(rel)} WHERE organisation_id IN ({in_ids})"
        for tag, rel, column, order in (
            (0, "fields", "field_id", "field_id"),
            (1, "area_prefectures", "prefecture_id", "id"),
            (2, "area_municipalities", "municipality_id", "id"),
        )
    )
    with connection.cursor() as cursor:
        cursor.execute(related, ids * 3)
        for org_id, tag, _order, value in sorted(cursor.fetchall(), key=lambda r: r[:3]):
            # An unknown field shows nothing; an unknown area shows its code.
            if tag == 0:
                field_map.setdefault(org_id, []).append(fields.get(value, ""))
            elif tag == 1:
                area_map.setdefault(org_id, []).append(("pref" if value in prefs else "", value))
            else:
                area_map.setdefault(org_id, []).append(("", munis.get(value, value)))
        # The analysed words of each description (what the index holds): a line whose
        # description has none of the query's words needs no analysis to find none.
        cursor.execute(
            "SELECT o.id, o.name, o.name_kana, o.kind, o.area_kind, o.description, o.is_demo, "  # noqa: S608
            f"s.body_terms FROM {Organisation._meta.db_table} o "
            f"LEFT JOIN {SearchEntry._meta.db_table} s "
            "ON s.type = %s AND s.object_id = CAST(o.id AS TEXT) "
            f"WHERE o.id IN ({in_ids})",
            [TYPE, *ids],
        )
        found = cursor.fetchall()
    rows = []
    for pk, name, kana, kind, area_kind, description, is_demo, terms in found:
        areas = area_map.get(pk, [])
        rows.append(
            Row(
                pk=pk,
                name=name,
                name_kana=kana,
                kind=kind,
                area_kind=area_kind,
                areas=areas[:5],
                more_areas=len(areas) > 5,
                field_slugs=field_map.get(pk, []),
                description=description,
                is_demo=bool(is_demo),
                body_forms=None if terms is None else frozenset(terms.split()),
            )
        )
    return rows


def _with_related(qs):
    return qs.select_related("platform__prefecture").prefetch_related(
        "fields", "area_prefectures", "area_municipalities__prefecture"
    )


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
