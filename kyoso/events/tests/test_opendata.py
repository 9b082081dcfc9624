"""The 自治体標準オープンデータセット「イベント一覧」 layout: export (CSV with BOM, JSON), and the
import as municipalities publish files — preview first, nothing saved before the confirm, the
same rules as the form, re-import updates instead of duplicating."""

import csv
import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from kyoso.events.models import Event
from kyoso.events.opendata import COLUMNS
from kyoso.moderation.models import Status

from .test_events import event

pytestmark = pytest.mark.django_db

HEADER = (
    "都道府県コード又は市区町村コード,NO,都道府県名,市区町村名,イベント名,イベント名_カナ,"
    "イベント名_英語,開始日,終了日,開始時間,終了時間,開始日時特記事項,説明,料金(基本),料金(詳細),"
    "連絡先名称,連絡先電話番号,連絡先内線番号,主催者,場所名称,住所,方書,緯度,経度,アクセス方法,"
    "駐車場情報,定員,参加申込終了日,参加申込終了時間,参加申込方法,URL,備考"
)


def day(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def test_export_has_the_standard_header_and_safe_cells(client, national):
    start = timezone.make_aware(datetime.datetime.combine(day(5), datetime.time(10)))
    event(national, title="=HYPERLINK(1)", starts_at=start, fee_free=False, fee_amount=1500,
          contact="事務局 03-1234-5678", capacity=30)  # fmt: skip
    response = client.get("/events/export.csv")
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff" + HEADER + "\r\n")
    (row,) = list(csv.DictReader(io.StringIO(body.lstrip("\ufeff"))))
    assert row["イベント名"] == "'=HYPERLINK(1)"  # never run as a formula
    assert row["都道府県コード又は市区町村コード"] == "131016" and row["市区町村名"] == "千代田区"
    assert row["イベント名_カナ"] == "セツメイカイ"
    assert (row["開始日"], row["開始時間"], row["料金(基本)"]) == (
        day(5).isoformat(),
        "10:00",
        "1500",
    )
    assert row["連絡先電話番号"] == "03-1234-5678"
    data = client.get("/events/export.json").json()
    assert data["count"] == 1 and set(data["items"][0]) == set(COLUMNS)


def _csv(rows: list[dict], encoding="utf-8-sig") -> SimpleUploadedFile:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    for row in rows:
        writer.writerow({c: row.get(c, "") for c in COLUMNS})
    return SimpleUploadedFile("events.csv", out.getvalue().encode(encoding), "text/csv")


def municipal_rows():
    return [
        {
            "都道府県コード又は市区町村コード": "141046",
            "NO": "1",
            "都道府県名": "神奈川県",
            "市区町村名": "横浜市中区",
            "イベント名": "介護予防教室",
            "イベント名_カナ": "カイゴヨボウキョウシツ",
            "開始日": day(20).strftime("%Y/%m/%d"),
            "終了日": day(20).strftime("%Y/%m/%d"),
            "開始時間": "10:00:00",
            "終了時間": "11:30:00",
            "説明": "体操と健康相談です。",
            "料金(基本)": "1,000円",
            "場所名称": "地域ケアプラザ",
            "住所": "神奈川県横浜市中区山下町1-1",
            "定員": "20",
            "参加申込終了日": day(18).isoformat(),
            "主催者": "横浜市中区",
        },
        {
            "都道府県コード又は市区町村コード": "141046",
            "NO": "2",
            "イベント名": "終わりが先の会",
            "イベント名_カナ": "オワリガサキノカイ",
            "開始日": day(21).isoformat(),
            "終了日": day(21).isoformat(),
            "開始時間": "15:00",
            "終了時間": "14:00",
            "説明": "時刻が逆です。",
            "場所名称": "区民会館",
            "住所": "横浜市中区1-1",
        },
    ]


def test_import_previews_then_saves_on_confirm_and_updates_on_reimport(client, national_admin):
    from kyoso.platforms.models import Platform

    kanagawa = Platform.objects.get(slug="kanagawa")
    client.force_login(national_admin)
    upload = _csv(municipal_rows(), encoding="cp932")  # Shift_JIS, as many municipalities publish
    response = client.post("/events/import/", {"platform": kanagawa.pk, "file": upload})
    html = response.content.decode()
    assert response.status_code == 200
    assert "2行のうち、1行を読み込めます" in html and "終了は開始より後" in html
    assert not Event.objects.exists()  # nothing saved before the confirm
    token = html.split('name="token" value="')[1].split('"')[0]
    assert client.post("/events/import/", {"token": token}).status_code == 302
    imported = Event.objects.get()
    assert (imported.source_code, imported.source_no) == ("141046", "1")
    assert imported.municipality_id == "141046" and imported.status == Status.PENDING
    assert imported.title_kana == "かいごよぼうきょうしつ"
    assert imported.fee_amount == 1000 and imported.capacity == 20
    assert timezone.localtime(imported.starts_at).time() == datetime.time(10, 0)
    # The same file again: an update of the same event, not a second one.
    rows = municipal_rows()[:1]
    rows[0]["定員"] = "25"
    response = client.post("/events/import/", {"platform": kanagawa.pk, "file": _csv(rows)})
    assert "更新" in response.content.decode()
    token = response.content.decode().split('name="token" value="')[1].split('"')[0]
    client.post("/events/import/", {"token": token})
    assert Event.objects.count() == 1
    assert Event.objects.get().capacity == 25


def test_the_export_round_trips_through_the_import(client, national, national_admin):
    start = timezone.make_aware(datetime.datetime.combine(day(7), datetime.time(13, 30)))
    event(national, title="往復する会", starts_at=start, capacity=40)
    exported = b"".join(client.get("/events/export.csv").streaming_content)
    Event.objects.all().delete()
    client.force_login(national_admin)
    upload = SimpleUploadedFile("export.csv", exported, "text/csv")
    response = client.post("/events/import/", {"platform": national.pk, "file": upload})
    token = response.content.decode().split('name="token" value="')[1].split('"')[0]
    client.post("/events/import/", {"token": token})
    again = Event.objects.get()
    assert again.title == "往復する会" and again.municipality_id == "131016"
    assert timezone.localtime(again.starts_at) == timezone.localtime(start)
    assert again.capacity == 40 and again.venue_name == "会館"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"a,b,c\n1,2,3\n", "イベント一覧"),
        (b"\xff\xfe\x00garbage", "イベント一覧"),
        ("\ufeff" + HEADER + "\r\n", "行がありません"),
    ],
)
def test_files_that_are_not_the_layout_are_refused_next_to_the_field(
    client, national_admin, national, content, message
):
    client.force_login(national_admin)
    if isinstance(content, str):
        content = content.encode("utf-8")
    upload = SimpleUploadedFile("x.csv", content, "text/csv")
    response = client.post("/events/import/", {"platform": national.pk, "file": upload})
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not Event.objects.exists()
