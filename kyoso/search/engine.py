"""The site's search engine, one interface over SQLite FTS5 and PostgreSQL tsvector.

Text is analysed by kyoso.search.analysis before it reaches the database; the database only
matches whole tokens. Filters (type, platform, region keys, fields, other facets) are tokens in a
separate `facets` column, so one indexed full-text query does text and filters together."""

import html
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field, replace

from django.db import connection, transaction
from django.utils.safestring import SafeString, mark_safe

from kyoso.core.prepared import prepared_for

from . import registry
from .analysis import index_text, matching_spans, normalise, terms
from .models import IndexState, SearchEntry, TypeVersion

COUNT_CAP = 1_000  # "1,000件以上": very common words and wide filters are not counted exactly
# Scoring every hit of a very common word (介護 is in a third of all members) is what makes a
# search slow: when the count is capped, title matches come first and the rest in index order;
# the title matches themselves are ranked while there are at most this many.
RANK_ALL_LIMIT = 2_000
TITLE_WEIGHT = 8.0
# Labels (field names, kind, areas: what was ticked) weigh less than written text. PostgreSQL
# gives them weight C (ts_rank_cd: A 1.0, B 0.4, C 0.2).
LABEL_WEIGHT = 0.2


def facet_token(name: str, value: str) -> str:
    return (name + re.sub(r"[^0-9a-zA-Z]", "", str(value))).lower()


@dataclass
class Query:
    text: str = ""
    types: list[str] = field(default_factory=list)
    platform_ids: list[int] = field(default_factory=list)
    region_keys: list[str] = field(default_factory=list)  # any of
    fields: list[str] = field(default_factory=list)  # any of
    facets: dict[str, list[str]] = field(default_factory=dict)  # each: any of

    def text_terms(self) -> list[list[str]]:
        """The analysed words (each with its forms), analysed once per query object."""
        cached = self.__dict__.get("_terms")
        if cached is None or cached[0] != self.text:
            cached = (self.text, [t.forms() for t in terms(self.text)])
            self.__dict__["_terms"] = cached
        return cached[1]

    def highlight_words(self) -> list[str]:
        """What a snippet marks: every form of every analysed word, and the query's own words
        as typed (normalised). The analyser splits some words (見守り → 見 + 守り) and a
        one-character form is never looked for on its own, so without the typed word only
        守り would be marked."""
        typed = [w for w in normalise(self.text).split() if w]
        return [*(form for forms in self.text_terms() for form in forms), *typed]

    def facet_groups(self) -> list[list[str]]:
        groups = []
        if self.types:
            groups.append([facet_token("ty", t) for t in self.types])
        if self.platform_ids:
            groups.append([facet_token("pl", p) for p in self.platform_ids])
        if self.region_keys:
            groups.append([facet_token("rk", k) for k in self.region_keys])
        if self.fields:
            groups.append([facet_token("f", s) for s in self.fields])
        for name, values in sorted(self.facets.items()):
            if values:
                groups.append([facet_token(name, v) for v in values])
        return groups

    @property
    def is_empty(self) -> bool:
        return not self.text_terms() and not self.facet_groups()


@dataclass
class Hit:
    type: str
    object_id: str
    title: str
    url: str
    snippet: SafeString
    date: object = None


@dataclass
class Result:
    hits: list[Hit]
    total: int
    capped: bool  # True when there are more than COUNT_CAP matches


# --- indexing ------------------------------------------------------------------------------


_request = threading.local()  # the version, read once per request (see kyoso.search.apps)


ALL_TYPES = "*"  # the version that every type's version includes (reference data, platforms)


def bump_version(types=(ALL_TYPES,)) -> None:
    """Mark content as changed, inside the writing transaction: the global version (search hits,
    whole-site lists) and the version of each type in `types` (each type's in-memory lists; "*"
    for everything). Every save or delete of a content model (search entries included) calls
    this through kyoso.core.cache; call it directly only after writes that send no signals (bulk
    loads), where the default marks every type changed."""
    import secrets

    value = secrets.randbits(62)
    if not IndexState.objects.filter(pk=1).update(version=value):
        IndexState.objects.update_or_create(pk=1, defaults={"version": value})
    for key in set(types):
        if not TypeVersion.objects.filter(pk=key).update(version=value):
            TypeVersion.objects.update_or_create(key=key, defaults={"version": value})
    if getattr(_request, "active", False):
        _request.version = value
        _request.types = {}


def current_version(type_key: str | None = None) -> int:
    """The global content version, or with `type_key` the version of that type's content (its
    own changes and the changes every type depends on). Read once per request, with every
    type's version, in one query."""
    if type_key is not None:
        return type_versions(type_key)[0]
    if getattr(_request, "active", False) and getattr(_request, "version", None) is not None:
        return _request.version
    return _read_versions()[0]


def type_versions(*type_keys: str) -> tuple[int, ...]:
    """The versions of several types (see current_version), kept for the rest of the request."""
    active = getattr(_request, "active", False)
    cached = getattr(_request, "types", None) if active else None
    if not cached:
        cached = _read_versions()[1]
    return tuple(cached[key] if key in cached else hash((0, cached[None])) for key in type_keys)


def _read_versions() -> tuple[int, dict]:
    """The global version and every type's version (a few rows) in one read; kept on the
    request while one is active. A type without a row has only the changes of "*"."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT key, version FROM {TypeVersion._meta.db_table} "  # noqa: S608 - table names only
            f"UNION ALL SELECT NULL, version FROM {IndexState._meta.db_table} WHERE id = 1"
        )
        rows = cursor.fetchall()
    found = {key: value for key, value in rows if key is not None}
    version = next((value for key, value in rows if key is None), 0)
    everything = found.get(ALL_TYPES, 0)
    types = {key: hash((value, everything)) for key, value in found.items()}
    types[None] = everything
    if getattr(_request, "active", False):
        _request.version, _request.types = version, types
    return version, types


def request_started(**kwargs) -> None:
    _request.active, _request.version, _request.types = True, None, {}


def request_finished(**kwargs) -> None:
    _request.active, _request.version, _request.types = False, None, {}


def _facets_for(entry_type: str, doc: registry.SearchDocument) -> str:
    tokens = [facet_token("ty", entry_type), facet_token("pl", doc.platform_id)]
    tokens += [facet_token("rk", k) for k in doc.region_keys]
    tokens += [facet_token("f", s) for s in doc.fields]
    for name, values in doc.facets.items():
        tokens += [facet_token(name, v) for v in values]
    return " ".join(tokens)


@transaction.atomic
def index_object(obj) -> None:
    entry_type = registry.key_for(obj)
    doc = registry.get(entry_type).document(obj)
    if not doc.is_public:
        remove_object(obj)
        return
    entry, _ = SearchEntry.objects.update_or_create(
        type=entry_type,
        object_id=str(obj.pk),
        defaults={
            "platform_id": doc.platform_id,
            "title": doc.title[:300],
            "body": doc.body[:5000],
            "kana": doc.kana[:300],
            "url": doc.url,
            "date": doc.date,
            "title_terms": index_text(f"{doc.title} {doc.kana}"),
            "body_terms": index_text(doc.body),
            "label_terms": index_text(doc.labels),
            "facets": _facets_for(entry_type, doc),
        },
    )
    _write_fulltext(entry)  # the entry's save above bumped the version (kyoso.core.cache)


def remove_object(obj) -> None:
    entry_type = registry.key_for(obj)
    ids = list(
        SearchEntry.objects.filter(type=entry_type, object_id=str(obj.pk)).values_list(
            "id", flat=True
        )
    )
    _delete_fulltext(ids)
    SearchEntry.objects.filter(id__in=ids).delete()  # each delete bumps the version


def _write_fulltext(entry: SearchEntry) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DELETE FROM search_fts WHERE rowid = %s", [entry.id])
            cursor.execute(
                "INSERT INTO search_fts (rowid, title_terms, body_terms, label_terms, facets) "
                "VALUES (%s, %s, %s, %s, %s)",
                [entry.id, entry.title_terms, entry.body_terms, entry.label_terms, entry.facets],
            )
        else:
            cursor.execute(
                "UPDATE search_searchentry SET document = "
                "setweight(to_tsvector('simple', %s), 'A') || "
                "setweight(to_tsvector('simple', %s), 'B') || "
                "setweight(to_tsvector('simple', %s), 'C') || "
                "setweight(to_tsvector('simple', %s), 'D') WHERE id = %s",
                [entry.title_terms, entry.body_terms, entry.label_terms, entry.facets, entry.id],
            )


def analyse_index() -> None:
    """Refresh the planner's statistics after bulk changes (PostgreSQL picks a much better plan
    for common words once it knows how often they occur)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE search_searchentry")
        else:
            cursor.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")


def _delete_fulltext(ids: list[int]) -> None:
    if ids and connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", [[i] for i in ids])


# --- querying ------------------------------------------------------------------------------


def fts5_quote(token: str) -> str:
    """A token as an FTS5 string (the token is matched whole, whatever it contains)."""
    return '"' + token.replace('"', '""') + '"'


def ts_lexeme(token: str) -> str:
    """A token as a tsquery lexeme."""
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def _fts5_match(query: Query) -> str:
    quote = fts5_quote
    parts = [
        "{title_terms body_terms label_terms} : (" + " OR ".join(quote(f) for f in forms) + ")"
        for forms in query.text_terms()
    ]
    parts += [
        "facets : (" + " OR ".join(quote(t) for t in group) + ")" for group in query.facet_groups()
    ]
    return " AND ".join(parts)


def _tsquery(query: Query) -> str:
    # No weight labels in the query: with them the GIN index becomes lossy and every candidate
    # row is rechecked (measured several times slower). Facet tokens cannot collide with words.
    lexeme = ts_lexeme
    parts = ["(" + " | ".join(lexeme(f) for f in forms) + ")" for forms in query.text_terms()]
    parts += ["(" + " | ".join(lexeme(t) for t in group) + ")" for group in query.facet_groups()]
    return " & ".join(parts)


def matching_ids_sql(query: Query, *, integer_ids: bool = False) -> tuple[str, list]:
    """SQL selecting the object_id of every match, for use as a subquery (`pk__in=RawSQL(...)`).
    With integer_ids the ids are cast, to compare with an integer primary key."""
    if connection.vendor == "sqlite":
        column = "CAST(e.object_id AS INTEGER)" if integer_ids else "e.object_id"
        return (
            f"SELECT {column} FROM search_fts "  # noqa: S608 - column is one of two constants
            "JOIN search_searchentry e ON e.id = search_fts.rowid WHERE search_fts MATCH %s",
            [_fts5_match(query)],
        )
    column = "CAST(object_id AS bigint)" if integer_ids else "object_id"
    return (
        f"SELECT {column} FROM search_searchentry WHERE document @@ to_tsquery('simple', %s)",  # noqa: S608
        [_tsquery(query)],
    )


def count(query: Query) -> tuple[int, bool]:
    if query.is_empty:
        return 0, False
    if getattr(query, "_count", None) is not None:  # one count per query object and request
        return query._count
    if connection.vendor == "sqlite":
        # Counting needs no join with the entries table.
        sql, params = "SELECT 1 FROM search_fts WHERE search_fts MATCH %s", [_fts5_match(query)]
    else:
        sql, params = matching_ids_sql(query)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM ({sql} LIMIT {COUNT_CAP + 1}) AS m", params)  # noqa: S608 - sql is built here, values are parameters
        total = cursor.fetchone()[0]
    query._count = (min(total, COUNT_CAP), total > COUNT_CAP)
    return query._count


ORDERS = {
    "kana": ("e.kana, e.id", "kana, id"),
    "new": ("e.date DESC, e.id DESC", "date DESC NULLS LAST, id DESC"),
}


def ordered_ids(query: Query, *, order: str, limit: int, offset: int = 0) -> list[tuple[str, str]]:
    """(type, object_id) of matches in あいうえお order ("kana") or newest first ("new")."""
    if query.is_empty:
        return []
    sqlite_order, pg_order = ORDERS[order]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT e.type, e.object_id FROM search_fts JOIN search_searchentry e "  # noqa: S608 - the ORDER BY is a constant
                f"ON e.id = search_fts.rowid WHERE search_fts MATCH %s ORDER BY {sqlite_order} "
                "LIMIT %s OFFSET %s",
                [_fts5_match(query), limit, offset],
            )
        else:
            cursor.execute(
                "SELECT type, object_id FROM search_searchentry "  # noqa: S608 - the ORDER BY is a constant
                f"WHERE document @@ to_tsquery('simple', %s) ORDER BY {pg_order} "
                "LIMIT %s OFFSET %s",
                [_tsquery(query), limit, offset],
            )
        return [(row[0], row[1]) for row in cursor.fetchall()]


def ranked_ids(query: Query, *, limit: int, offset: int = 0) -> list[tuple[str, str]]:
    """(type, object_id) of the best matches: title weighs more than body."""
    if query.is_empty:
        return []
    total, capped = count(query)
    if capped and query.text_terms():
        return _title_first_ids(query, limit=limit, offset=offset)
    if total > RANKED_KEEP:
        return _ranked(query, limit=limit, offset=offset)
    # Few matches: all of them ranked once and kept per content version, so the next page, or
    # the same words again, read no index.
    key = (_fts5_match(query) if connection.vendor == "sqlite" else _tsquery(query), total)
    version = current_version()
    with _ranked_lock:
        kept = _ranked_kept.get(key)
        if kept is not None and kept[0] == version:
            _ranked_kept.move_to_end(key)
            return kept[1][offset : offset + limit]
    ranked = _ranked(query, limit=max(total, 1), offset=0)
    with _ranked_lock:
        _ranked_kept[key] = (version, ranked)
        while len(_ranked_kept) > RANKED_CACHE:
            _ranked_kept.popitem(last=False)
    return ranked[offset : offset + limit]


RANKED_KEEP = 300  # rankings of up to this many matches are kept (RANKED_CACHE of them)
RANKED_CACHE = 2_000
_ranked_kept: OrderedDict = OrderedDict()
_ranked_lock = threading.Lock()


def _ranked(query: Query, *, limit: int, offset: int) -> list[tuple[str, str]]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT e.type, e.object_id FROM search_fts JOIN search_searchentry e "
                "ON e.id = search_fts.rowid WHERE search_fts MATCH %s "
                "ORDER BY bm25(search_fts, %s, 1.0, %s, 0.0), e.id LIMIT %s OFFSET %s",
                [_fts5_match(query), TITLE_WEIGHT, LABEL_WEIGHT, limit, offset],
            )
        else:
            # Ranked by the words alone, weighted by part (title A, text B, labels C): the filter
            # tokens sit at the end of every document, and a cover-density rank over them would
            # favour whatever part happens to come last.
            text = " & ".join(
                "(" + " | ".join(ts_lexeme(f) for f in forms) + ")" for forms in query.text_terms()
            )
            cursor.execute(
                "SELECT type, object_id FROM search_searchentry, to_tsquery('simple', %s) q "
                "WHERE document @@ q "
                "ORDER BY ts_rank(document, to_tsquery('simple', %s)) DESC, id LIMIT %s OFFSET %s",
                [_tsquery(query), text or _tsquery(query), limit, offset],
            )
        return [(row[0], row[1]) for row in cursor.fetchall()]


def _title_first_ids(query: Query, *, limit: int, offset: int) -> list[tuple[str, str]]:
    """For huge result sets. SQLite: matches in the title first (ranked when few), then the
    others in index order; both parts read only as many rows as the page needs."""
    if connection.vendor == "sqlite":
        text = " AND ".join(
            "(" + " OR ".join(fts5_quote(f) for f in forms) + ")" for forms in query.text_terms()
        )
        base = _fts5_match(query)
        in_title = f"{base} AND {{title_terms}} : ({text})"
        not_title = f"({base}) NOT {{title_terms}} : ({text})"
        head = (
            "SELECT e.type, e.object_id FROM search_fts JOIN search_searchentry e "
            "ON e.id = search_fts.rowid WHERE search_fts MATCH %s "
        )
        count_sql = (
            "SELECT count(*) FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH %s LIMIT %s)"
        )
        with connection.cursor() as cursor:
            cursor.execute(count_sql, [in_title, RANK_ALL_LIMIT + 1])
            n_title = cursor.fetchone()[0]
            # FTS5 yields matches in rowid order (rowid = entry id): ordering by it lets SQLite
            # stop after one page instead of sorting every match.
            order = (
                "ORDER BY search_fts.rowid"
                if n_title > RANK_ALL_LIMIT
                else f"ORDER BY bm25(search_fts, {TITLE_WEIGHT}, 1.0, {LABEL_WEIGHT}, 0.0), e.id"
            )
            rows = []
            if offset < n_title:
                cursor.execute(head + order + " LIMIT %s OFFSET %s", [in_title, limit, offset])
                rows = cursor.fetchall()
            if len(rows) < limit:
                rest_offset = max(0, offset - n_title)
                cursor.execute(
                    head + "ORDER BY search_fts.rowid LIMIT %s OFFSET %s",
                    [not_title, limit - len(rows), rest_offset],
                )
                rows += cursor.fetchall()
        return [(r[0], r[1]) for r in rows]
    # PostgreSQL: in primary-key order, which the planner answers by walking the primary key
    # and stopping after one page (a title-first order would read every match).
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT type, object_id FROM search_searchentry "
            "WHERE document @@ to_tsquery('simple', %s) ORDER BY id LIMIT %s OFFSET %s",
            [_tsquery(query), limit, offset],
        )
        return [(r[0], r[1]) for r in cursor.fetchall()]


def search(query: Query, *, limit: int = 20, offset: int = 0) -> Result:
    total, capped = count(query)
    ids = ranked_ids(query, limit=limit, offset=offset)
    return Result(hits=hits_for(ids, query), total=total, capped=capped)


_hits: OrderedDict = OrderedDict()
HIT_CACHE = 10_000


def hits_for(ids: list[tuple[str, str]], query: Query) -> list[Hit]:
    """Hits (title, url, date, highlighted snippet) for (type, object_id) keys, in that order.
    Kept per content version and query words: a page whose hits are kept reads no entry."""
    words = query.highlight_words()
    version = current_version()
    keys = {key: (key, version, tuple(words)) for key in ids}
    missing = [key for key in ids if keys[key] not in _hits]
    if missing:
        # Only what a line shows: the analysed columns and the tsvector are most of a row.
        # Compiled once per number of types and of entries (kyoso.core.prepared): at 100,000
        # organisations most hits of a varied search are new, and building the ORM query cost
        # more than running it.
        types = sorted({t for t, _ in missing})
        objects = [o for _, o in missing]
        n_types = len(types)
        query_rows = prepared_for(
            ("search.hits", n_types, len(objects)),
            lambda *p: SearchEntry.objects.filter(
                type__in=p[:n_types], object_id__in=p[n_types:]
            ).values_list("type", "object_id", "title", "url", "date", "body"),
            text=True,
        )
        for type_key, object_id, title, url, date, body in query_rows.rows(*types, *objects):
            key = (type_key, object_id)
            if key in keys:
                _hits[keys[key]] = Hit(
                    type=type_key,
                    object_id=object_id,
                    title=title,
                    url=url,
                    date=date,
                    snippet=snippet(body, words),
                )
        while len(_hits) > HIT_CACHE:
            _hits.popitem(last=False)
    return [replace(_hits[keys[key]]) for key in ids if keys[key] in _hits]


def snippet(text: str, words: list[str], *, width: int = 120) -> SafeString:
    """A short, HTML-escaped excerpt around the first match, matching words wrapped in <mark>."""
    text = normalise(text).replace("\n", " ")
    spans = matching_spans(text, set(words)) if words else []
    start = max(0, spans[0][0] - width // 3) if spans else 0
    end = start + width
    out, pos = [], start
    for s_start, s_end in spans:
        if s_start < start or s_end > end:
            continue
        out.append(html.escape(text[pos:s_start]))
        out.append("<mark>" + html.escape(text[s_start:s_end]) + "</mark>")
        pos = s_end
    out.append(html.escape(text[pos:end]))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    # Adjacent words (見 + 守り) read as one highlighted word.
    joined = "".join(out).replace("</mark><mark>", "")
    return mark_safe(prefix + joined + suffix)  # noqa: S308 - every piece is escaped
