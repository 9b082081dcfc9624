"""Events journey: an organisation registers an event with its venue in 横浜市中区 chosen by name,
the national admin approves it, and a resident finds it in the list, the Kanagawa feed and
calendar, the month calendar, the organisation's page and the Kanagawa home; then the organiser
cancels it and 中止 shows everywhere. axe-core checks every page visited."""

import datetime
import re
import time

import pytest
from icalendar import Calendar

from .conftest import assert_accessible, login, logout, open_staff_page

pytestmark = pytest.mark.e2e


def test_register_approve_find_and_cancel_an_event(page):
    title = f"中区の見守り交流会{int(time.time())}"
    day = datetime.date.today() + datetime.timedelta(days=9)
    login(page, "npo@demo.kyoso.example")
    page.goto("/events/new/")
    assert_accessible(page)
    page.get_by_label(re.compile("^掲載するプラットフォーム")).select_option(label="全国版")
    page.get_by_label(re.compile("^イベント名 ")).fill(title)
    page.get_by_label(re.compile("^イベント名のよみがな")).fill("なかくのみまもりこうりゅうかい")
    page.get_by_label(re.compile("^開始日")).fill(day.isoformat())
    page.get_by_label(re.compile("^開始時刻")).fill("13:30")
    page.get_by_label(re.compile("^終了時刻")).fill("15:30")
    page.get_by_label("会場", exact=True).check()
    page.get_by_label(re.compile("^会場名")).fill("中区 地域ケアプラザ")
    page.get_by_label(re.compile("^住所")).fill("山下町1-1")
    page.get_by_label(re.compile("^名前で探す")).fill("よこはましなか")
    page.get_by_role("button", name="神奈川県横浜市中区を選ぶ").click()
    page.get_by_label(re.compile("^内容")).fill("見守り活動をしている方の交流会です。")
    page.get_by_label("見守り", exact=True).check()
    page.get_by_label("住民", exact=True).check()
    page.get_by_role("button", name="登録して審査に送る").click()
    page.wait_for_url("**/accounts/me/")
    assert title in page.content()
    logout(page)

    login(page, "admin@demo.kyoso.example")
    open_staff_page(page, "/review/")
    page.goto("/review/")
    page.get_by_role("link", name=title).click()
    assert_accessible(page)
    page.get_by_role("button", name="承認して公開する").click()
    page.wait_for_url("**/review/")
    logout(page)

    page.goto("/events/?pref=14")
    assert_accessible(page)
    page.get_by_role("link", name=title).click()
    assert_accessible(page)
    assert "神奈川県横浜市中区" in page.content()
    ics_url = page.get_by_role("link", name="カレンダーに追加（.ics）").get_attribute("href")
    body = page.request.get(ics_url).body()
    (vevent,) = Calendar.from_ical(body).walk("VEVENT")
    assert vevent.decoded("DTSTART").isoformat() == f"{day.isoformat()}T13:30:00+09:00"
    feed = page.request.get("/events/feed.ics?pref=14").body().decode()
    assert title in feed
    page.goto(f"/events/calendar/{day.year}/{day.month}/")
    assert_accessible(page)
    assert title in page.content()
    page.goto("/p/kanagawa/")
    assert title in page.content()
    assert_accessible(page)

    # The organiser cancels it: 中止 on the page, in the list and in the feed.
    login(page, "npo@demo.kyoso.example")
    page.goto("/events/?pref=14")
    page.get_by_role("link", name=title).click()
    page.get_by_role("link", name="中止・延期を知らせる").click()
    assert_accessible(page)
    page.get_by_label("中止", exact=True).check()
    page.get_by_label(re.compile("^参加予定の方へのお知らせ")).fill("台風のため中止します。")
    page.get_by_role("button", name="開催状況を変更する").click()
    page.wait_for_load_state()
    assert "このイベントは中止になりました" in page.content()
    assert_accessible(page)
    feed = page.request.get("/events/feed.ics?pref=14").body().decode()
    assert "STATUS:CANCELLED" in feed
