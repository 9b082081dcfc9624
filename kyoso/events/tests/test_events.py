"""Events: registering with the shared picker and its rules, review, the list's filters and
facets, 中止・延期, the calendar, iCalendar (parsed back) and JSON-LD."""

import datetime
import json
import re

import pytest
from django.utils import timezone
from icalendar import Calendar

from kyoso.events.models import Event
from kyoso.moderation.models import Status

pytestmark = pytest.mark.django_db


def future(days: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


def form_data(platform, **overrides):
    data = {
        "platform": platform.pk,
        "title": "見守り交流会",
        "title_kana": "みまもりこうりゅうかい",
        "start_date": future(10),
        "start_time": "13:30",
        "end_time": "15:00",
        "format": "venue",
        "venue_name": "中区 地域ケアプラザ",
        "address": "山下町1-1",
        "municipality": "141046",
        "description": "<p>見守りの交流会です。</p><script>alert(1)</script>",
        "fields": ["watching-over"],
        "audiences": ["resident"],
        "fee_free": "on",
        "capacity": "30",
        "apply_method": "電話で",
        "deadline_date": future(8),
        "accessibility": ["wheelchair"],
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def event(platform, **extra) -> Event:
    # 10:00 in Japan five days from now: an event of two hours never runs past midnight (a test
    # that edits it by date and times would otherwise fail in the evening).
    in_five_days = timezone.localtime(timezone.now() + datetime.timedelta(days=5))
    start = extra.pop("starts_at", in_five_days.replace(hour=10, minute=0, second=0, microsecond=0))
    values = {
        "title": "説明会",
        "title_kana": "せつめいかい",
        "description": "<p>説明会です。</p>",
        "starts_at": start,
        "ends_at": start + datetime.timedelta(hours=2),
        "format": "venue",
        "venue_name": "会館",
        "address": "1-1",
        "municipality_id": "131016",
        "audiences": ["resident"],
        "status": Status.PUBLISHED,
        "published_at": timezone.now(),
    }
    values.update(extra)
    fields = values.pop("fields", ())
    created = Event.objects.create(platform=platform, **values)
    if fields:
        from kyoso.regions.models import Field

        created.fields.set(Field.objects.filter(slug__in=fields))
    from kyoso.search.engine import index_object

    index_object(created)
    return created


@pytest.fixture
def member(organisation_member):
    from kyoso.directory.models import Membership
    from kyoso.testing.factories import make_organisation

    org = make_organisation(name="よこはま見守りの会", kana="よこはまみまもりのかい")
    Membership.objects.create(organisation=org, user=organisation_member, role="owner")
    return organisation_member


def test_a_member_registers_an_event_that_waits_for_review(client, member, national):
    client.force_login(member)
    response = client.post("/events/new/", form_data(national))
    assert response.status_code == 302, response.content.decode()[:2000]
    created = Event.objects.get()
    assert created.status == Status.PENDING
    assert created.municipality_id == "141046"
    assert created.organiser == "よこはま見守りの会"  # defaults to the organisation
    assert "<script>" not in created.description
    start = timezone.localtime(created.starts_at)
    assert (start.hour, start.minute) == (13, 30) and not created.all_day
    assert timezone.localtime(created.apply_deadline).date().isoformat() == future(8)
    assert client.get(created.get_absolute_url()).status_code == 404  # not public yet


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"end_time": "12:00"}, "end_time", "終了は開始より後"),
        ({"start_date": "2020-01-01"}, "start_date", "過去の日付"),
        ({"deadline_date": future(12)}, "deadline_date", "申込締切は開始日まで"),
        ({"capacity": "0"}, "capacity", "1人以上"),
        ({"municipality": None}, "municipality", "市区町村を選んで"),
        ({"format": "online"}, "online_url", "URL を入力"),
        ({"format": "hybrid", "online_url": "ftp://x"}, "online_url", "https://"),
        ({"fee_free": None}, "fee_amount", "参加費を入力"),
        ({"start_date": "2026/13/45"}, "start_date", "2026-12-05 の形"),
    ],
)
def test_rules_are_explained_next_to_the_field(client, member, national, overrides, field, message):
    client.force_login(member)
    response = client.post("/events/new/", form_data(national, **overrides))
    html = response.content.decode()
    assert response.status_code == 422
    assert f'id="id_{field}_error"' in html and message in html
    assert not Event.objects.exists()


def test_the_venue_is_chosen_by_name_without_javascript(client, member, national):
    client.force_login(member)
    step = client.post(
        "/events/new/",
        form_data(national, municipality=None, municipality_pref="14", _picker="municipality"),
    )
    html = step.content.decode()
    assert step.status_code == 200 and "入力内容に" not in html
    assert '<option value="141046">横浜市中区</option>' in html
    assert "地方公共団体コード" not in html


def test_people_without_an_organisation_cannot_register(client, django_user_model):
    user = django_user_model.objects.create_user(email="someone@example.jp", password="x" * 12)
    client.force_login(user)
    assert client.get("/events/new/").status_code == 403


def test_list_filters_by_region_format_and_date_with_true_facets(client, national, tokyo):
    chiyoda = event(national, title="千代田の会", fields=["shopping"])
    yokohama = event(national, title="横浜の会", municipality_id="141046", fields=["shopping"])
    online = event(
        national, title="オンライン講座", format="online", municipality_id=None,
        online_url="https://example.jp/", fields=["learning"],
    )  # fmt: skip
    past = event(
        national, title="終わった会", starts_at=timezone.now() - datetime.timedelta(days=3)
    )

    def titles(query: str) -> set[str]:
        html = client.get(f"/events/?{query}").content.decode()
        return {t for t in ("千代田の会", "横浜の会", "オンライン講座", "終わった会") if t in html}

    assert titles("") == {"千代田の会", "横浜の会", "オンライン講座"}
    # A municipality finds its events and the online ones, never another city's.
    assert titles("muni=131016") == {"千代田の会", "オンライン講座"}
    assert titles("pref=14") == {"横浜の会", "オンライン講座"}
    assert titles("pref=14&format=venue") == {"横浜の会"}
    assert titles(f"from={future(30)}") == set()
    assert "終わった会" in client.get("/events/past/").content.decode()
    # Facet counts say what a click lists.
    html = client.get("/events/?pref=13").content.decode()
    assert '<label for="e-format-venue">会場（1）</label>' in html
    assert '<label for="e-format-online">オンライン（1）</label>' in html
    assert titles("pref=13&format=venue") == {"千代田の会"}
    assert ">買い物（1）</option>" in html and ">学び（1）</option>" in html
    assert titles("pref=13&field=shopping") == {"千代田の会"}
    assert {chiyoda.pk, yokohama.pk, online.pk, past.pk}


def test_cancelling_shows_everywhere_and_bumps_the_calendar_sequence(
    client, national, national_admin
):
    e = event(national, title="中止になる会")
    client.force_login(national_admin)
    response = client.post(
        f"/events/{e.pk}/state/", {"state": "cancelled", "note": "台風のため中止します。"}
    )
    assert response.status_code == 302
    e.refresh_from_db()
    assert e.state == "cancelled" and e.sequence == 1
    client.logout()
    page = client.get(e.get_absolute_url()).content.decode()
    assert "このイベントは中止になりました" in page and "台風のため中止します。" in page
    assert "中止" in client.get("/events/").content.decode()
    cal = Calendar.from_ical(client.get(f"/events/{e.pk}.ics").content)
    (vevent,) = cal.walk("VEVENT")
    assert str(vevent["STATUS"]) == "CANCELLED" and int(vevent["SEQUENCE"]) == 1
    feed = client.get("/events/feed/").content.decode()
    assert "【中止】中止になる会" in feed
    # A cancellation needs a word to the people who planned to come.
    client.force_login(national_admin)
    response = client.post(f"/events/{e.pk}/state/", {"state": "postponed", "note": ""})
    assert response.status_code == 422


def test_icalendar_is_parsed_back_with_japan_times(client, national):
    timed = event(
        national,
        title="時刻のある会",
        starts_at=timezone.make_aware(datetime.datetime(2030, 12, 5, 10, 0)),
    )
    all_day = event(
        national,
        title="三日間の大会",
        all_day=True,
        starts_at=timezone.make_aware(datetime.datetime(2030, 12, 6, 0, 0)),
        ends_at=timezone.make_aware(datetime.datetime(2030, 12, 8, 23, 59)),
    )
    cal = Calendar.from_ical(client.get("/events/feed.ics?pref=13").content)
    assert cal.walk("VTIMEZONE")[0]["TZID"] == "Asia/Tokyo"
    by_title = {str(v["SUMMARY"]): v for v in cal.walk("VEVENT")}
    start = by_title["時刻のある会"].decoded("DTSTART")
    assert start.isoformat() == "2030-12-05T10:00:00+09:00"
    assert str(by_title["時刻のある会"]["UID"]) == f"{timed.uid}@kyoso"
    assert by_title["三日間の大会"].decoded("DTSTART") == datetime.date(2030, 12, 6)
    assert by_title["三日間の大会"].decoded("DTEND") == datetime.date(2030, 12, 9)  # exclusive
    assert str(by_title["三日間の大会"]["UID"]) == f"{all_day.uid}@kyoso"
    assert "千代田区" in str(by_title["時刻のある会"]["LOCATION"]) or "会館" in str(
        by_title["時刻のある会"]["LOCATION"]
    )


def test_event_page_has_schema_org_json_ld_and_a_calendar_link(client, national):
    e = event(national, title="構造化データの会", fee_free=False, fee_amount=500)
    html = client.get(e.get_absolute_url()).content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    )
    assert data["@type"] == "Event" and data["name"] == "構造化データの会"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["address"]["addressLocality"] == "千代田区"
    assert data["offers"]["price"] == 500 and data["offers"]["priceCurrency"] == "JPY"
    assert f'href="/events/{e.pk}.ics"' in html
    assert "openstreetmap.org/search?query=" in html


def test_calendar_month_is_an_accessible_table(client, national):
    start = timezone.make_aware(datetime.datetime(2030, 12, 5, 10, 0))
    event(national, title="十二月の会", starts_at=start)
    html = client.get("/events/calendar/2030/12/").content.decode()
    assert "<caption>" in html and 'scope="col"' in html
    assert "十二月の会" in html and "2030年11月" in html and "2031年1月" in html
    assert client.get("/events/calendar/2030/13/").status_code == 404


def test_homes_and_the_organisation_page_list_upcoming_events(client, national, tokyo):
    from kyoso.testing.factories import make_organisation

    org = make_organisation(name="ちよだの会", kana="ちよだのかい", platform=tokyo)
    event(tokyo, title="東京の交流会", organisation=org)
    assert "東京の交流会" in client.get("/").content.decode()
    assert "東京の交流会" in client.get("/p/tokyo/").content.decode()
    assert "東京の交流会" not in client.get("/p/osaka/").content.decode()
    assert "東京の交流会" in client.get(org.get_absolute_url()).content.decode()


def _png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (80, 60), "orange").save(out, format="PNG")
    return out.getvalue()


def test_a_picture_needs_its_description_and_stays_private_until_published(
    client, member, national
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(member)
    picture = SimpleUploadedFile("flyer.png", _png(), content_type="image/png")
    response = client.post("/events/new/", {**form_data(national), "image_upload": picture})
    assert response.status_code == 422
    assert 'id="id_image_alt_error"' in response.content.decode()
    picture = SimpleUploadedFile("flyer.png", _png(), content_type="image/png")
    data = {**form_data(national), "image_upload": picture, "image_alt": "12月10日 交流会のチラシ"}
    assert client.post("/events/new/", data).status_code == 302
    created = Event.objects.get()
    assert created.image.name.startswith("events/") and created.image.name.endswith(".png")
    url = f"/events/{created.pk}/image/"
    assert client.get(url).status_code == 200  # the submitter sees it while it is reviewed
    client.logout()
    assert client.get(url).status_code == 404
    Event.objects.filter(pk=created.pk).update(status=Status.PUBLISHED)
    assert client.get(url).status_code == 200
    html = client.get(created.get_absolute_url()).content.decode()
    assert f'src="{url}" alt="12月10日 交流会のチラシ"' in html


def test_coordinates_are_checked_to_be_in_japan(client, member, national):
    client.force_login(member)
    response = client.post("/events/new/", form_data(national, lat="95", lng="139.7"))
    assert response.status_code == 422
    assert "緯度は日本の範囲で入力してください" in response.content.decode()
    assert (
        client.post("/events/new/", form_data(national, lat="35.44", lng="139.64")).status_code
        == 302
    )
    assert Event.objects.get().lat == 35.44


def test_edits_of_a_published_event_keep_a_history(client, national, national_admin):
    e = event(national, title="履歴の会", capacity=30)
    client.force_login(national_admin)
    page = client.get(f"/events/{e.pk}/edit/").content.decode()
    version = re.search(r'name="base_version" value="(\d+)"', page).group(1)
    start = timezone.localtime(e.starts_at)
    data = {
        "title": "履歴の会",
        "title_kana": "りれきのかい",
        "title_en": "History meeting",
        "start_date": start.date().isoformat(),
        "start_time": start.strftime("%H:%M"),
        "end_time": timezone.localtime(e.ends_at).strftime("%H:%M"),
        "format": "venue",
        "venue_name": "会館",
        "address": "1-1",
        "municipality": "131016",
        "description": "<p>説明会です。</p>",
        "audiences": ["resident"],
        "fields": ["watching-over"],
        "fee_free": "on",
        "capacity": "50",
        "base_version": version,
    }
    response = client.post(f"/events/{e.pk}/edit/", data)
    assert response.status_code == 302, re.findall(r"＊[^<]*", response.content.decode())
    e.refresh_from_db()
    assert e.capacity == 50 and e.sequence == 1
    html = client.get(e.get_absolute_url()).content.decode()
    assert "更新履歴" in html and "定員（人）" in html
    english = client.get(f"/en/events/{e.pk}/").content.decode()
    assert "History meeting" in english
