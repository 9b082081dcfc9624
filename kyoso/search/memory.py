"""In-memory lists over the search index, per content type and per process.

For one type, every indexed (= listed) entry gets a position in あいうえお order; numpy arrays hold
the positions in newest-first order and, for every facet token (type, platform, region key, field,
kind…), the positions that carry it. A list page then costs a few vector operations whatever the
number of entries: the filters become one boolean mask, the count is its sum, a page in either
order is its first set positions, and every facet's counts are one `bincount` over precomputed
(position, value) pairs — counted under every *other* active filter, so a count says what a click
gives.

The keyword part comes from the full-text index: the set of entries matching the analysed words
is fetched once and kept (LRU) until the index changes, so varied pages that share a keyword (the
same word with other prefectures, fields or pages) never run the full-text query again.

Everything is rebuilt when the index's version (kyoso.search.models.IndexState, one primary-key
read per request) changes; `build_seconds` on each index says what that costs."""

import re
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable

import numpy as np
from django.db import connection

from .engine import Query, current_version, facet_token
from .models import SearchEntry

KEYWORD_CACHE = 256  # keyword masks kept per type and process (N bytes each)
GROUP_CACHE = 256  # filter masks (a prefecture, a field…) kept per type and process


def _text_match(forms: tuple, type_key: str | None) -> tuple[str, list]:
    """SQL returning the ids of the entries containing one word (any of its forms): of one type,
    or with `type_key` None of every type (the caller keeps its own type's: for a type that
    holds most entries, intersecting with the type's token costs the full-text index more than
    it saves — 介護 at 100,000 organisations: 82 → 44 ms on SQLite, 600 → 190 ms on
    PostgreSQL)."""
    from .engine import facet_token, fts5_quote, ts_lexeme

    if connection.vendor == "sqlite":
        words = " OR ".join(fts5_quote(f) for f in forms)
        match = f"{{title_terms body_terms label_terms}} : ({words})"
        if type_key is not None:
            match += f" AND facets : ({fts5_quote(facet_token('ty', type_key))})"
        return "SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [match]
    words = "(" + " | ".join(ts_lexeme(f) for f in forms) + ")"
    if type_key is not None:
        words += f" & {ts_lexeme(facet_token('ty', type_key))}"
    return (
        "SELECT id FROM search_searchentry WHERE document @@ to_tsquery('simple', %s)",
        [words],
    )


_SEPARATORS = re.compile(r"[\W_]+")


def _one_token(word: str) -> bool:
    """A word the full-text index keeps as one token (letters and digits only)."""
    return word.isalnum()


def fts_words(*texts: str) -> list[str]:
    """The tokens the full-text index makes of analysed text: split at spaces and at anything
    but letters and digits, lower-cased (FTS5's unicode61 and PostgreSQL's simple parser do the
    same for the words the analyser writes)."""
    out = []
    for token in " ".join(texts).lower().split():
        if token.isalnum():
            out.append(token)
        else:
            out.extend(t for t in _SEPARATORS.split(token) if t)
    return out


class TypeIndex:
    def __init__(self, type_key: str, version: int):
        started = time.perf_counter()
        self.type_key = type_key
        self.version = version
        rows = list(
            SearchEntry.objects.filter(type=type_key)
            .order_by("kana", "id")
            .values_list("id", "object_id", "date", "facets", "title_terms", "body_terms",
                         "label_terms")
        )  # fmt: skip
        self.n = n = len(rows)
        # Does this type hold most of the index (the directory at scale)? See _text_match.
        self.most_entries = n > 1_000 and 2 * n > SearchEntry.objects.count()
        self.entry_ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=n)
        self.object_ids = [r[1] for r in rows]
        by_id = np.argsort(self.entry_ids, kind="stable")
        self.sorted_ids = self.entry_ids[by_id]
        self.sorted_pos = by_id.astype(np.int32)
        dates = np.fromiter(
            (r[2].timestamp() if r[2] is not None else -np.inf for r in rows),
            dtype=np.float64,
            count=n,
        )
        # Newest first, undated last, then the newest entry id first (as the SQL orders did).
        self.new_order = np.lexsort((-self.entry_ids, -dates)).astype(np.int32)
        postings: dict[str, list[int]] = {}
        titles: dict[str, list[int]] = {}
        for pos, row in enumerate(rows):
            for token in row[3].split():
                postings.setdefault(token, []).append(pos)
            for token in set(row[4].split()):
                titles.setdefault(token, []).append(pos)
        self.postings = {t: np.asarray(p, dtype=np.int32) for t, p in postings.items()}
        # Words of the titles (and their readings): "is this word in the name?" from memory.
        self.title_postings = {t: np.asarray(p, dtype=np.int32) for t, p in titles.items()}
        # Every word of every entry (title, text, labels) as the full-text index splits them:
        # a keyword's first use reads its entries from here instead of the full-text index
        # (介護 at 100,000 organisations: 0.3 ms instead of 44 ms on SQLite, 190 ms on
        # PostgreSQL). CSR: the entries of word w are word_pos[word_ptr[w]:word_ptr[w + 1]].
        self.words: dict[str, int] = {}
        flat: list[int] = []
        sizes = np.zeros(n, dtype=np.int64)
        for pos, row in enumerate(rows):
            found = {
                self.words.setdefault(w, len(self.words)) for w in fts_words(row[4], row[5], row[6])
            }
            flat.extend(found)
            sizes[pos] = len(found)
        word_ids = np.asarray(flat, dtype=np.int32)
        owners = np.repeat(np.arange(n, dtype=np.int32), sizes)
        order = np.argsort(word_ids, kind="stable")
        self.word_pos = owners[order]
        self.word_ptr = np.searchsorted(word_ids[order], np.arange(len(self.words) + 1))
        self._keywords: OrderedDict[tuple, np.ndarray] = OrderedDict()
        self._groups: OrderedDict[tuple, np.ndarray] = OrderedDict()
        self._pairs: dict[tuple, tuple[np.ndarray, np.ndarray]] = {}
        self.lock = threading.Lock()
        self.build_seconds = time.perf_counter() - started

    # --- masks -------------------------------------------------------------------------------

    def any_of(self, tokens: Iterable[str]) -> np.ndarray:
        """Entries with any of the tokens. Kept (LRU) like keyword masks: a prefecture's mask
        sets tens of thousands of positions at 100,000 entries. Callers never write into it."""
        key = tuple(tokens)
        with self.lock:
            mask = self._groups.get(key)
            if mask is not None:
                self._groups.move_to_end(key)
                return mask
        mask = np.zeros(self.n, dtype=bool)
        for token in key:
            positions = self.postings.get(token)
            if positions is not None:
                mask[positions] = True
        mask.flags.writeable = False
        with self.lock:
            self._groups[key] = mask
            while len(self._groups) > GROUP_CACHE:
                self._groups.popitem(last=False)
        return mask

    def keyword_mask(self, query: Query, *, title_only: bool = False) -> np.ndarray:
        """Entries with every word of the query (any of each word's forms): one cached mask per
        word, so that two-word searches reuse what single words already fetched."""
        mask = None
        for forms in query.text_terms():
            word = self._word_mask(tuple(forms), title_only)
            mask = word if mask is None else mask & word
        return mask if mask is not None else np.ones(self.n, dtype=bool)

    def _word_mask(self, forms: tuple, title_only: bool) -> np.ndarray:
        if title_only:
            mask = np.zeros(self.n, dtype=bool)
            for form in forms:
                positions = self.title_postings.get(form)
                if positions is not None:
                    mask[positions] = True
            return mask
        with self.lock:
            mask = self._keywords.get(forms)
            if mask is not None:
                self._keywords.move_to_end(forms)
                return mask
        words = [f.lower() for f in forms]
        mask = np.zeros(self.n, dtype=bool)
        if all(_one_token(w) for w in words):
            # Each form is one token for the full-text index too: answered from memory.
            for w in words:
                at = self.words.get(w)
                if at is not None:
                    mask[self.word_pos[self.word_ptr[at] : self.word_ptr[at + 1]]] = True
        else:
            sql, params = _text_match(forms, None if self.most_entries else self.type_key)
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                ids = np.fromiter((row[0] for row in cursor.fetchall()), dtype=np.int64)
            if len(ids) and self.n:
                at = np.searchsorted(self.sorted_ids, ids)
                inside = at < self.n
                at, ids = at[inside], ids[inside]
                hit = self.sorted_ids[at] == ids
                mask[self.sorted_pos[at[hit]]] = True
        with self.lock:
            self._keywords[forms] = mask
            while len(self._keywords) > KEYWORD_CACHE:
                self._keywords.popitem(last=False)
        return mask

    def mask(self, query: Query, groups: dict[str, list[str]], *, skip: str = "") -> np.ndarray:
        """Entries matching the words and every token group but `skip` (AND of ORs)."""
        mask = self.keyword_mask(query)
        for name, tokens in groups.items():
            if name != skip and tokens:
                mask = mask & self.any_of(tokens)
        return mask

    # --- answers -----------------------------------------------------------------------------

    def page(
        self, mask: np.ndarray, *, order: str, offset: int, limit: int, at: np.ndarray | None = None
    ) -> list[str]:
        """`at`: np.flatnonzero(mask) when the caller has it already."""
        if order == "new":
            positions = self.new_order[mask[self.new_order]]
        else:
            positions = np.flatnonzero(mask) if at is None else at
        return [self.object_ids[p] for p in positions[offset : offset + limit]]

    def counts(
        self,
        mask: np.ndarray,
        values: dict[str, list[str]],
        key: tuple | None = None,
        *,
        at: np.ndarray | None = None,
    ) -> dict[str, int]:
        """For each value (matched by any of its tokens), how many entries of `mask` have it.
        `key`: a hashable stand-in for `values` (see facet_values), saving its rebuilding.
        `at`: np.flatnonzero(mask) when the caller has it already (facets of one list share
        it: at 100,000 entries finding the positions once and gathering a few thousand values
        costs a fifth of indexing with the boolean mask for each facet)."""
        if key is None:
            key = tuple((v, tuple(t)) for v, t in values.items())
        plan = self._pairs.get(key)
        if plan is None:
            plan = self._plan(values)
            self._pairs[key] = plan
        chosen = np.flatnonzero(mask) if at is None else at
        if plan[0] == "dense":
            # One value per entry (kind, scale, prefecture): gather the chosen entries' values.
            counted = np.bincount(plan[1][chosen], minlength=len(values) + 1)
        else:
            _kind, positions, labels, ptr, by_entry = plan
            if len(chosen) * 8 < len(positions):
                # Few entries: gather their own values (CSR rows) instead of testing every pair.
                starts, ends = ptr[chosen], ptr[chosen + 1]
                lengths = ends - starts
                total = int(lengths.sum())
                at = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(total)
                counted = np.bincount(by_entry[at], minlength=len(values))
            else:
                counted = np.bincount(labels[mask[positions]], minlength=len(values))
        return {v: int(counted[i]) for i, v in enumerate(values)}

    def _plan(self, values: dict[str, list[str]]) -> tuple:
        positions, labels = [], []
        for i, value_tokens in enumerate(values.values()):
            found = [self.postings[t] for t in value_tokens if t in self.postings]
            if not found:
                continue
            pos = np.unique(np.concatenate(found)) if len(found) > 1 else found[0]
            positions.append(pos)
            labels.append(np.full(len(pos), i, dtype=np.int32))
        if not positions:
            positions, labels = [np.zeros(0, np.int32)], [np.zeros(0, np.int32)]
        pos, lab = np.concatenate(positions), np.concatenate(labels)
        if len(pos) and len(np.unique(pos)) == len(pos):
            dense = np.full(self.n, len(values), dtype=np.int32)  # len(values): "none"
            dense[pos] = lab
            return ("dense", dense)
        # The same pairs grouped by entry (CSR): entry i's values are by_entry[ptr[i]:ptr[i+1]].
        order = np.argsort(pos, kind="stable")
        ptr = np.searchsorted(pos[order], np.arange(self.n + 1)).astype(np.int64)
        return ("pairs", pos, lab, ptr, lab[order])


_indexes: dict[str, TypeIndex] = {}
_lock = threading.Lock()  # guards _building and _build_locks
# One per type: a type's build never waits for another's.
_build_locks: dict[str, threading.Lock] = {}


BACKGROUND_REBUILD = 20_000  # entries: from this size, a stale index is served while rebuilding
_building: set[str] = set()


def index_for(type_key: str) -> TypeIndex:
    """This process's index of the type, rebuilt if the content has changed. Small indexes are
    rebuilt at once (they cost milliseconds); a large one keeps answering from the previous
    version while a thread rebuilds it (about a second at 100,000 entries), so no request waits
    for the rebuild: lists may lag a change by that second."""
    version = current_version(type_key)
    index = _indexes.get(type_key)
    if index is not None and index.version == version:
        return index
    if index is not None and index.n >= BACKGROUND_REBUILD:
        with _lock:
            start = type_key not in _building
            _building.add(type_key)
        if start:
            threading.Thread(target=_rebuild, args=(type_key, version), daemon=True).start()
        return index
    with _lock:
        build_lock = _build_locks.setdefault(type_key, threading.Lock())
    with build_lock:
        index = _indexes.get(type_key)
        if index is None or index.version != version:
            index = TypeIndex(type_key, version)
            _indexes[type_key] = index
    return index


def warm() -> float:
    """Build every type's index now, smallest first (a worker calls this in a thread when it
    starts, so that its first requests do not wait for the builds: ~6 s for the directory at
    100,000 organisations). Returns the seconds it took."""
    from django.db.models import Count

    from . import registry

    started = time.perf_counter()
    keys = {s.key for s in registry.all_types()}
    sizes = dict(
        SearchEntry.objects.filter(type__in=keys)
        .values("type")
        .annotate(n=Count("id"))
        .values_list("type", "n")
    )
    for key in sorted(keys, key=lambda k: (sizes.get(k, 0), k)):
        index_for(key)
    return time.perf_counter() - started


def _rebuild(type_key: str, version: int) -> None:
    from django.db import connection

    try:
        _indexes[type_key] = TypeIndex(type_key, version)
    finally:
        connection.close()  # the thread's own connection
        with _lock:
            _building.discard(type_key)


def ranked_keys(
    query: Query, type_keys: list[str], groups: dict[str, list[str]], *, limit: int, offset: int
) -> list[tuple[str, str]]:
    """(type, object_id) of a page of matches over several types, without scoring: matches in
    the title (or its reading) first, then the others; in each part type by type, in あいうえお
    order. For common words, where bm25 would read every entry that has them."""
    titles, rests = [], []
    for key in type_keys:
        index = index_for(key)
        mask = index.mask(query, groups)
        title = mask & index.keyword_mask(query, title_only=True)
        titles.append((index, title))
        rests.append((index, mask & ~title))
    found: list[tuple[str, str]] = []
    skip = offset
    for index, mask in titles + rests:
        n = int(np.count_nonzero(mask))
        if skip >= n:
            skip -= n
            continue
        page = index.page(mask, order="kana", offset=skip, limit=limit - len(found))
        found += [(index.type_key, object_id) for object_id in page]
        skip = 0
        if len(found) >= limit:
            break
    return found


def tokens(name: str, values: Iterable) -> list[str]:
    return [facet_token(name, v) for v in values]


_facet_values: dict[tuple, tuple[dict[str, list[str]], tuple]] = {}


def facet_values(name: str, values: Iterable) -> tuple[dict[str, list[str]], tuple]:
    """{value: [its token]} for a facet and the key that counts() plans by, built once per
    process and list of values (the values are reference data: kinds, scales, field slugs)."""
    values = tuple(values)
    found = _facet_values.get((name, values))
    if found is None:
        mapping = {v: tokens(name, [v]) for v in values}
        found = _facet_values[(name, values)] = (
            mapping,
            tuple((v, tuple(t)) for v, t in mapping.items()),
        )
    return found


def keyword_ids(type_key: str, q: str) -> set[int]:
    """Ids of the type's entries with every word of `q`, from the kept keyword masks: the keyword
    filter of every list that keeps its facts in memory (measures, events, cases, local issues)."""
    index = index_for(type_key)
    mask = index.keyword_mask(Query(text=q))
    return {int(index.object_ids[p]) for p in np.flatnonzero(mask)}


def similar_keys(
    query: Query, type_key: str, *, limit: int = 5, exclude: str = ""
) -> list[tuple[str, str]]:
    """(type, object_id) of the entries sharing the most words with the query (any of them,
    unlike a search, which wants all): "more like this", e.g. 似ている話題 before posting. Each
    word's matches come from the kept keyword masks; the score is how many words an entry has."""
    index = index_for(type_key)
    words = list(dict.fromkeys(tuple(forms) for forms in query.text_terms()))[:12]
    if not words or not index.n:
        return []
    score = np.zeros(index.n, dtype=np.int16)
    for forms in words:
        score += index._word_mask(forms, False)
    needed = 1 if len(words) <= 3 else 2
    candidates = np.flatnonzero(score >= needed)
    order = candidates[np.argsort(-score[candidates], kind="stable")]
    found = []
    for position in order:
        object_id = index.object_ids[position]
        if object_id != exclude:
            found.append((type_key, object_id))
        if len(found) >= limit:
            break
    return found
