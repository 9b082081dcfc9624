"""Read queries for the events list and calendar: the shared filters plus format, audience, dates,
free and open; lists, counts and facets from facts held in memory per process (events number in
the thousands), refreshed when the content changes; only a page of rows is read from the
database."""

import bisect
import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.utils import timezone

from kyoso.core.filters import RegionFilters, parse_region_filters
from kyoso.search.engine import current_version

from .models import Event

SORTS = ("date", "new")


@dataclass
class EventFilters(RegionFilters):
    formats: list[str] = field(default_factory=list)
    audience: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    free: bool = False
    open_now: bool = False
    sort: str = "date"


def _date(value: str) -> datetime.date | None:
    value = (value or "").strip().replace("/", "-")
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def parse_filters(params) -> EventFilters:
    filters = EventFilters(**parse_region_filters(params).__dict__)
    formats = [f for f in params.getlist("format") if f]
    filters.formats = [f for f in dict.fromkeys(formats) if f in Event.Format.values]
    if len(filters.formats) != len(set(formats)):
        filters.invalid.append("format")
    audience = params.get("audience", "")
    filters.audience = audience if audience in Event.Audience.values else ""
    if audience and not filters.audience:
        filters.invalid.append("audience")
    for name, attr in (("from", "date_from"), ("to", "date_to")):
        raw = params.get(name, "")
        value = _date(raw)
        if raw and (value is None or not 1990 <= value.year <= 2100):
            filters.invalid.append(name)
            value = None
        setattr(filters, attr, value)
    filters.free = params.get("free") == "1"
    filters.open_now = params.get("open") == "1"
    sort = params.get("sort", "")
    filters.sort = sort if sort in SORTS else "date"
    return filters


@dataclass(frozen=True)
class Facts:
    pk: int
    platform_id: int
    organisation_id: int | None
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    published_at: datetime.datetime | None
    region_keys: frozenset
    fields: frozenset
    format: str
    audiences: frozenset
    fee_free: bool
    apply_deadline: datetime.datetime | None
    apply_method: bool
    state: str


_facts: dict[str, object] = {"version": None, "rows": []}


def all_facts() -> list[Facts]:
    version = current_version("events.event")
    if _facts["version"] == version:
        return _facts["rows"]
    slugs: dict[int, set] = {}
    for event_id, slug in Event.fields.through.objects.filter(
        event__status="published"
    ).values_list("event_id", "field__slug"):
        slugs.setdefault(event_id, set()).add(slug)
    rows = []
    for event in (
        Event.objects.published()
        .select_related("municipality")
        .only(
            "pk",
            "platform_id",
            "organisation_id",
            "starts_at",
            "ends_at",
            "published_at",
            "format",
            "municipality__lg_code",
            "municipality__parent_id",
            "audiences",
            "fee_free",
            "apply_deadline",
            "apply_method",
            "state",
        )
    ):
        rows.append(
            Facts(
                pk=event.pk,
                platform_id=event.platform_id,
                organisation_id=event.organisation_id,
                starts_at=event.starts_at,
                ends_at=event.ends_at,
                published_at=event.published_at,
                region_keys=frozenset(event.region_keys()),
                fields=frozenset(slugs.get(event.pk, ())),
                format=event.format,
                audiences=frozenset(event.audiences or []),
                fee_free=event.fee_free,
                apply_deadline=event.apply_deadline,
                apply_method=bool(event.apply_method),
                state=event.state,
            )
        )
    _facts.update(version=version, rows=rows)
    return rows


_moments: dict[str, tuple] = {"kept": ((), [])}


def next_moment() -> datetime.datetime | None:
    """The next moment after now when an event starts, ends or stops taking applications: what
    pages show of events changes then by the clock alone (upcoming or past, 受付中, the next
    events on the home pages). Read from the facts this process holds, without asking for the
    current version: every page that shows events has just read them (all_facts), and a page
    that shows none needs no bound. The moments are sorted once per version of the facts."""
    rows = _facts["rows"]
    kept_rows, moments = _moments["kept"]
    if kept_rows is not rows:
        moments = sorted(
            {m for r in rows for m in (r.starts_at, r.ends_at, r.apply_deadline) if m is not None}
        )
        _moments["kept"] = (rows, moments)
    i = bisect.bisect_right(moments, timezone.now())
    return moments[i] if i < len(moments) else None


def _keyword_ids(q: str) -> set[int]:
    from kyoso.search.memory import keyword_ids

    return keyword_ids("events.event", q)


class Results:
    """One events list request: the matching facts (upcoming or past), their count, a page in the
    chosen order and each facet's counts under the other filters — what a click would list."""

    def __init__(self, filters: EventFilters, platform=None, *, past: bool = False):
        self.filters = filters
        self.past = past
        now = timezone.now()
        rows = [r for r in all_facts() if (r.ends_at < now) == past]
        if platform is not None:
            rows = [r for r in rows if r.platform_id == platform.pk]
        if filters.q:
            ids = _keyword_ids(filters.q)
            rows = [r for r in rows if r.pk in ids]
        keys = set(filters.region_keys)
        if keys:
            rows = [r for r in rows if r.region_keys & keys]
        if filters.date_from:
            start = timezone.make_aware(
                datetime.datetime.combine(filters.date_from, datetime.time())
            )
            rows = [r for r in rows if r.ends_at >= start]
        if filters.date_to:
            end = timezone.make_aware(datetime.datetime.combine(filters.date_to, datetime.time.max))
            rows = [r for r in rows if r.starts_at <= end]
        if filters.free:
            rows = [r for r in rows if r.fee_free]
        if filters.open_now:
            rows = [
                r
                for r in rows
                if r.state == Event.State.SCHEDULED
                and r.apply_method
                and (r.apply_deadline is None or r.apply_deadline >= now)
                and r.starts_at >= now
            ]
        self.base = rows
        self.rows = [r for r in rows if self._keep(r)]
        self.total = len(self.rows)

    def _keep(self, r: Facts, skip: str = "") -> bool:
        f = self.filters
        return (
            (skip == "format" or not f.formats or r.format in f.formats)
            and (skip == "audience" or not f.audience or f.audience in r.audiences)
            and (skip == "field" or not f.fields or bool(r.fields & set(f.field_slugs)))
        )

    def ordered_ids(self) -> list[int]:
        if self.filters.sort == "new":
            epoch = datetime.datetime.min.replace(tzinfo=datetime.UTC)
            rows = sorted(self.rows, key=lambda r: (r.published_at or epoch, r.pk), reverse=True)
        elif self.past:
            rows = sorted(self.rows, key=lambda r: (r.starts_at, r.pk), reverse=True)
        else:
            rows = sorted(self.rows, key=lambda r: (r.starts_at, r.pk))
        return [r.pk for r in rows]

    def facets(self) -> dict[str, Counter]:
        result: dict[str, Counter] = {"format": Counter(), "audience": Counter()}
        result["field"] = Counter()
        for r in self.base:
            if self._keep(r, "format"):
                result["format"][r.format] += 1
            if self._keep(r, "audience"):
                result["audience"].update(r.audiences)
            if self._keep(r, "field"):
                result["field"].update(r.fields)
        return result


def events_by_id(ids: list[int]) -> list[Event]:
    found = {
        e.pk: e for e in Event.objects.filter(pk__in=ids).select_related("municipality__prefecture")
    }
    return [found[i] for i in ids if i in found]


def upcoming(*, platform=None, pref_code: str = "", organisation=None, limit: int = 5):
    """The next events (for the home and organisation blocks)."""
    from kyoso.regions.codes import keys_matching_pref

    now = timezone.now()
    rows = [r for r in all_facts() if r.ends_at >= now]
    if platform is not None and not pref_code:
        rows = [r for r in rows if r.platform_id == platform.pk]
    if pref_code:
        keys = set(keys_matching_pref(pref_code)) - {"JP"}
        rows = [
            r for r in rows if r.region_keys & keys or (platform and r.platform_id == platform.pk)
        ]
    if organisation is not None:
        rows = [r for r in rows if r.organisation_id == organisation.pk]
    rows = sorted(rows, key=lambda r: (r.starts_at, r.pk))
    return events_by_id([r.pk for r in rows[:limit]])


def related(event: Event, limit: int = 3) -> list[Event]:
    """The next upcoming events that share a field with `event`."""
    now = timezone.now()
    rows = all_facts()
    fields = next((r.fields for r in rows if r.pk == event.pk), frozenset())
    rows = sorted(
        (r for r in rows if r.pk != event.pk and r.ends_at >= now and r.fields & fields),
        key=lambda r: (r.starts_at, r.pk),
    )
    return events_by_id([r.pk for r in rows[:limit]])


def month_events(year: int, month: int, platform=None) -> dict[datetime.date, list[Event]]:
    """Published events on each day of a month (a multi-day event on each of its days)."""
    first = datetime.date(year, month, 1)
    last = (first.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - datetime.timedelta(
        days=1
    )
    start = timezone.make_aware(datetime.datetime.combine(first, datetime.time()))
    end = timezone.make_aware(datetime.datetime.combine(last, datetime.time.max))
    rows = [
        r
        for r in all_facts()
        if r.starts_at <= end
        and r.ends_at >= start
        and (platform is None or r.platform_id == platform.pk)
    ]
    events = {e.pk: e for e in events_by_id([r.pk for r in rows])}
    days: dict[datetime.date, list[Event]] = {}
    for r in sorted(rows, key=lambda r: (r.starts_at, r.pk)):
        day = max(timezone.localtime(r.starts_at).date(), first)
        final = min(timezone.localtime(r.ends_at).date(), last)
        while day <= final:
            days.setdefault(day, []).append(events[r.pk])
            day += datetime.timedelta(days=1)
    return days
