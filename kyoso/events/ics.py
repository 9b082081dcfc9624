"""iCalendar (RFC 5545) for one event and for any filtered list: stable UIDs, SEQUENCE bumped on
every change, STATUS:CANCELLED, a VTIMEZONE for Asia/Tokyo, all-day events as DATE values."""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar
from icalendar import Event as VEvent

from .models import Event

TOKYO = ZoneInfo("Asia/Tokyo")


def _location(event: Event) -> str:
    parts = [event.venue_name, event.address] if event.has_venue else []
    if event.is_online:
        parts.append(event.online_url or "オンライン")
    return " ".join(p for p in parts if p)


def vevent(event: Event) -> VEvent:
    item = VEvent()
    item.add("uid", f"{event.uid}@kyoso")
    item.add("sequence", event.sequence)
    item.add("dtstamp", event.updated_at or timezone.now())
    item.add("summary", event.title)
    if event.all_day:
        start = timezone.localtime(event.starts_at, TOKYO).date()
        end = timezone.localtime(event.ends_at, TOKYO).date() + datetime.timedelta(days=1)
        item.add("dtstart", start)
        item.add("dtend", end)  # DTEND of an all-day event is the day after (exclusive)
    else:
        item.add("dtstart", timezone.localtime(event.starts_at, TOKYO))
        item.add("dtend", timezone.localtime(event.ends_at, TOKYO))
    description = strip_tags(event.description).strip()
    if event.state_note:
        description = f"{event.get_state_display()}：{event.state_note}\n\n{description}"
    item.add("description", description)
    location = _location(event)
    if location:
        item.add("location", location)
    if event.lat is not None and event.lng is not None:
        item.add("geo", (event.lat, event.lng))
    item.add("url", settings.SITE_URL + event.get_absolute_url())
    if event.organiser:
        item.add("organizer", f"mailto:noreply@{settings.SITE_URL.split('://')[-1]}")
        item["organizer"].params["cn"] = event.organiser
    if event.is_cancelled:
        item.add("status", "CANCELLED")
    else:
        item.add("status", "CONFIRMED" if event.state == Event.State.SCHEDULED else "TENTATIVE")
    return item


def calendar(events, *, name: str) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Kyoso//生活支援共創プラットフォーム//JA")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Asia/Tokyo")
    for event in events:
        cal.add_component(vevent(event))
    cal.add_missing_timezones()
    return cal.to_ical()
