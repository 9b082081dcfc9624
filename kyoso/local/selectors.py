"""The local issues list from memory: the facts every filter and count needs are held per process
and renewed when the local issues' search version changes (every post, edit, state change and
hiding re-indexes the issue; an answer made or removed renews it too: kyoso.local.apps), with
each issue's answer count; a page reads only the lines of its twenty issues it has not kept."""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count

from .models import Answer, LocalIssue

TYPE = "local.localissue"


@dataclass(frozen=True)
class Facts:
    pk: int
    pref: str
    muni: str
    muni_parent: str
    fields: frozenset
    state: str
    created_at: datetime.datetime


_facts: dict[str, object] = {"version": None, "rows": [], "answers": {}}


def all_facts() -> list[Facts]:
    from kyoso.search.engine import current_version

    version = current_version(TYPE)
    if _facts["version"] == version:
        return _facts["rows"]
    visible = LocalIssue.objects.filter(is_hidden=False)
    slugs: dict[int, set] = {}
    for issue_id, slug in LocalIssue.fields.through.objects.filter(
        localissue__is_hidden=False
    ).values_list("localissue_id", "field__slug"):
        slugs.setdefault(issue_id, set()).add(slug)
    answers = dict(
        Answer.objects.filter(issue__is_hidden=False)
        .values_list("issue_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    rows = [
        Facts(pk, pref, muni, parent or "", frozenset(slugs.get(pk, ())), state, created)
        for pk, pref, muni, parent, state, created in visible.values_list(
            "pk",
            "municipality__prefecture_id",
            "municipality_id",
            "municipality__parent_id",
            "state",
            "created_at",
        )
    ]
    rows.sort(key=lambda r: (r.created_at, r.pk), reverse=True)
    _facts.update(version=version, rows=rows, answers=answers)
    return rows


def _keyword_ids(q: str) -> set[int]:
    from kyoso.search.memory import keyword_ids

    return keyword_ids(TYPE, q)


class Results:
    """One list request: matching issues newest first, and the counts beside each state and
    field choice (each what its click would list, the other filters kept)."""

    def __init__(self, filters, state: str):
        self.filters, self.state = filters, state
        rows = all_facts()
        f = filters
        if f.municipality is not None:
            code = f.municipality.lg_code
            rows = [r for r in rows if code in (r.muni, r.muni_parent)]
        elif f.prefecture is not None:
            rows = [r for r in rows if r.pref == f.prefecture.code]
        if f.q:
            ids = _keyword_ids(f.q)
            rows = [r for r in rows if r.pk in ids]
        wanted = set(f.field_slugs)
        in_fields = [r for r in rows if not wanted or r.fields & wanted]
        self.by_state = Counter(r.state for r in in_fields)
        in_state = [r for r in rows if state == "all" or r.state == state]
        self.by_field = Counter(slug for r in in_state for slug in r.fields)
        self.rows = [r for r in in_fields if state == "all" or r.state == state]
        self.total = len(self.rows)


def issues_page(ids: list[int]):
    """The list lines of a page of issues (kept per version), with their answer counts (kept
    with the facts: no query when every line is kept)."""
    from .rows import lines_for

    all_facts()
    return lines_for(ids, _facts["answers"])
