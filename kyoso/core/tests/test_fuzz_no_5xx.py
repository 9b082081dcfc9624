"""No 5xx anywhere: every URL pattern of the site, with malformed path values, query strings and
form bodies, as an anonymous visitor, an organisation member and a national admin. Bounded: a
fixed table of bad values, run once per role. New sections are covered when they add URLs."""

import contextlib
import re

import pytest
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from kyoso.testing import authz
from kyoso.testing.world import build_world

pytestmark = pytest.mark.django_db

HUGE = "9223372036854775808"  # one past the largest 64-bit integer
BAD_INTS = ["0", HUGE, "9" * 30]
BAD_STRS = ["a" * 300, "..", "%E2%80%AE%00", "ー" * 80]
BAD_QUERIES = [
    "page=-1&sort=evil&kind=zzz&scale=../",
    f"page={HUGE}&pref=99&muni=999999&field=nothing",
    "page=abc&pref=xx&muni=abc&field=..%2F..%2Fetc&open=2&fy=abcd",
    "q=%00%01%02&q=%E2%80%AE&action=%00",
    "q=" + "%E3%81%82" * 1500,
    f"related={HUGE}&fy={HUGE}&agency=%00&for=nobody&key=%25&size=%00",
    "field=" + "&field=".join(["watching-over"] * 60) + "&pref=13&muni=131016&page=999",
    "page=1&page=2&q=&q=%20&sort=relevance&sort=new",
    "from=2026-02-30&to=99999-01-01&format=%00&format=online&audience=x&free=2",
    "from=0001-01-01&to=2026%2F12%2F05&link=1&path=%2F%2Fevil.example&muni_q=%00",
    f"quote={HUGE}&sort=same&state=%00&page=0",
    f"actor=god&actor=npo&measure={HUGE}&t={HUGE}&series={HUGE}&kind=%00&sort=started",
    "measure=-1&t=-5&kind=training&done=%00",
]
BAD_BODIES = [
    {
        "related": HUGE,
        "platform": HUGE,
        "fiscal_year": "9" * 30,
        "budget_amount": "-1",
        "base_version": "9" * 30,
        "fields": ["..", "x" * 200],
        "area_prefectures": ["zz"],
        "area_kind": "municipalities",
        "area_municipalities": ["\x00", "存在しない市", "1" * 300],
        "area_municipalities_pref": "\x00",
        "area_municipalities_add": "9" * 50,
        "call_start": "2026-13-45",
        "call_end": "0000-00-00",
        "email": "not-an-email",
        "size": "\x00",
        "verified": HUGE,
        "role": "god",
        "user": HUGE,
        "reason": "x" * 5000,
        "name": "\u202e" * 10,
        "title": "\x00",
        "url": "javascript:alert(1)",
        "audiences": ["everyone"],
        "kind": "\x00",
        "decision": "maybe",
        "start_date": "2026-13-45",
        "start_time": "25:99",
        "end_date": "0000-00-00",
        "deadline_date": "99999-01-01",
        "format": "\x00",
        "capacity": "-5",
        "fee_amount": "9" * 40,
        "municipality": ["%", "999999"],
        "accessibility": ["x"],
        "state": "gone",
        "body": "\x00" * 3,
        "confirmed": "1",
        "confirm_personal": "maybe",
        "action": "explode",
        "board": "\x00",
        "target": "nothing",
        "key": "x" * 100,
        "follow": "2",
        "layer": "9",
        "area_name": "x" * 500,
        "frequency": "never",
        "hide_all": HUGE,
        "back": "reports",
        "started_year": "9" * 30,
        "ended_year": "-1",
        "measures": [HUGE, "x"],
        "remove_photos": [HUGE],
        "actor-0-role": "god",
        "actor-0-organisation_name": "\x00",
        "outcome-0-value": "1e999",
        "outcome-0-label": "x",
        "position": HUGE,
        "series": HUGE,
        "source": "\x00",
        "held_on": "2026-02-30",
        "recorded_on": "0000-00-00",
        "duration_text": "99:99:99",
        "chapters_text": "not a time\n" * 3,
        "cases": [HUGE],
        "done": "\x00",
        "check": ["x" * 100],
        "partner_kinds": ["x", "\x00"],
        "deadline": "2026-02-30",
        "organisation": HUGE,
        "count_residents": "-5",
        "count_company": "9" * 30,
        "form": "part",
        "meeting": HUGE,
    },
    {
        "title": "x",
        "title_kana": "x",
        "description": "<script>x</script>",
        "start_date": "1900-01-01",
        "end_date": "1899-01-01",
        "format": "hybrid",
        "fee_free": "",
        "online_url": "javascript:alert(1)",
        "state": "cancelled",
        "note": "",
        "body": "[x](javascript:alert(1)) <script>alert(1)</script> 090-1234-5678",
        "confirmed": "1",
        "prefecture": "13",
        "municipality": "131016",
        "action": "move",
        "board": "cross",
        "target": "thread",
        "key": HUGE,
        "follow": "1",
        "role": "coordinator",
        "layer": "2",
        "frequency": "daily",
        "summary": "x",
        "issue": "x",
        "approach": "x",
        "started_year": "2020",
        "ended_year": "2019",
        "fields": ["shopping"],
        "actor-0-role": "company",
        "actor-0-name": "x",
        "actor-0-organisation_name": "存在しない団体",
        "actor-1-role": "npo",
        "outcome-0-label": "利用者数",
        "outcome-0-value": "NaN",
        "outcome-1-value": "12345678901234567890",
        "video_url": "https://vimeo.com/x",
        "source": "youtube",
        "url": "https://www.youtube.com/watch?v=short",
        "transcript_text": "99:99 x\n0:00 y",
        "chapters_text": "0:00 開会\n1:00:00 閉会",
        "duration_text": "1:00",
        "kind": "training",
        "audiences": ["tier1", "x"],
        "decision": "approve",
        "check": ["personal"],
        "done": "0",
        "partner_kinds": ["company"],
        "count_residents": "3",
        "held_on": "2026-11-20",
        "issues_found": "x",
        "form": "settings",
        "contact": "\x00",
    },
    {"decision": "reject", "reason": "", "next": "//evil.example/", "note": "\x00" * 10},
    {
        "_picker": "area_municipalities",
        "area_municipalities_pref": "13",
        "area_municipalities_add": "\x00",
        "area_municipalities": "%",
    },
]
ROLES = [authz.ANON, authz.MEMBER, authz.NATIONAL]


def patterns():
    found = []

    def walk(items, namespace=None):
        for item in items:
            if isinstance(item, URLResolver):
                walk(item.url_patterns, item.namespace or namespace)
            elif isinstance(item, URLPattern) and item.callback.__module__.startswith("kyoso."):
                found.append((f"{namespace}:{item.name}" if namespace else item.name, item))

    walk(get_resolver().url_patterns)
    return found


def _converters(pattern: URLPattern) -> dict[str, str]:
    converters = getattr(pattern.pattern, "converters", {}) or {}
    kinds = {name: type(conv).__name__ for name, conv in converters.items()}
    if not kinds:  # a regex pattern: its named groups are strings
        kinds = dict.fromkeys(re.compile(str(pattern.pattern)).groupindex, "StringConverter")
    return kinds


def paths(name: str, pattern: URLPattern, world) -> list[str]:
    """The URL with good values (from the matrix world), then with each bad value per kind."""
    kinds = _converters(pattern)
    good = {}
    for row_name, row in ((r.name, r) for r in _rows()):
        if row_name == name:
            good = row.kwargs(world)
    base = {k: good.get(k, "1" if kind == "IntConverter" else "tokyo") for k, kind in kinds.items()}
    urls = []
    with contextlib.suppress(NoReverseMatch):
        urls.append(reverse(name, kwargs=base) if kinds else reverse(name))
    for key, kind in kinds.items():
        for bad in BAD_INTS if kind == "IntConverter" else BAD_STRS:
            with contextlib.suppress(NoReverseMatch):  # the pattern refuses it: 404 by design
                urls.append(reverse(name, kwargs={**base, key: bad}))
    return [u for u in urls if u]


def _rows():
    from kyoso.core.tests.test_authorization_matrix import ROWS

    return ROWS


@pytest.mark.parametrize("role", ROLES)
def test_no_url_answers_5xx(client, role):
    world = build_world()
    if world.users[role] is not None:
        client.force_login(world.users[role])
    client.raise_request_exception = False
    failures = []
    for name, pattern in patterns():
        for url in paths(name, pattern, world):
            for query in ["", *BAD_QUERIES] if url == paths(name, pattern, world)[0] else [""]:
                response = client.get(f"{url}?{query}" if query else url)
                if response.status_code >= 500:
                    failures.append(f"GET {url}?{query[:60]} → {response.status_code}")
            for body in BAD_BODIES:
                response = client.post(url, body)
                if response.status_code >= 500:
                    failures.append(f"POST {url} {sorted(body)[:3]} → {response.status_code}")
    assert not failures, "\n".join(failures[:40])
