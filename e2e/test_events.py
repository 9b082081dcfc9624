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


def test_register_approve_find_and_cancel_an_event(page, server):
    from .test_journeys import _latest_mail

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
    page.get_by_label(re.compile("^定員")).fill("1")
    page.get_by_label(re.compile("^このサイトで参加の申し込みを受け付ける")).check()
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
    # The organisation's page lists it too (the event page links to its organiser).
    page.goto("/events/?pref=14")
    page.get_by_role("link", name=title).click()
    page.locator("dt:text-is('主催') + dd a").click()
    page.get_by_role("heading", name="この団体のこれからのイベント").wait_for()
    assert title in page.content()
    assert_accessible(page)

    # One place: the first applicant takes it, the second waits and moves up when the first
    # cancels with the link from the confirmation mail.
    stamp = int(time.time() * 1000)
    first, second = f"first-{stamp}@example.jp", f"second-{stamp}@example.jp"
    for name, address in (("一番 さん", first), ("二番 さん", second)):
        page.goto("/events/?pref=14")
        page.get_by_role("link", name=title).click()
        page.get_by_role(
            "link", name=re.compile("^(参加を申し込む|キャンセル待ちで申し込む)$")
        ).click()
        page.get_by_label(re.compile("^お名前")).fill(name)
        page.get_by_label(re.compile("^メールアドレス")).fill(address)
        page.get_by_role("button", name="申し込む").click()
        page.get_by_role("heading", name=re.compile("受け付けました")).wait_for()
    assert "キャンセル待ち" in page.content()
    link = re.search(
        r"https?://\S+(/events/applications/cancel/\S+/)", _latest_mail(server["mail_dir"], first)
    ).group(1)
    page.goto(link)
    page.get_by_role("button", name="取り消す").click()
    page.get_by_text("申し込みを取り消しました。").wait_for()
    assert "参加が確定しました" in _latest_mail(server["mail_dir"], second)

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


def test_a_resident_applies_without_an_account_and_cancels_by_mail(page, server):
    from .test_journeys import _latest_mail

    address = f"applicant-{int(time.time() * 1000)}@example.jp"
    page.goto("/events/?q=養成研修")
    page.get_by_role("link", name=re.compile("生活支援コーディネーター養成研修")).first.click()
    page.get_by_role("link", name="参加を申し込む").click()
    assert_accessible(page)
    page.get_by_label(re.compile("^お名前")).fill("申込 花子")
    page.get_by_label(re.compile("^メールアドレス")).fill(address)
    page.get_by_label(re.compile("^配慮してほしいこと")).fill("車椅子で参加します")
    page.get_by_role("button", name="申し込む").click()
    page.get_by_role("heading", name="申し込みを受け付けました").wait_for()
    assert_accessible(page)
    body = _latest_mail(server["mail_dir"], address)
    link = re.search(r"https?://\S+(/events/applications/cancel/\S+/)", body).group(1)
    page.goto(link)
    assert_accessible(page)
    page.get_by_role("button", name="取り消す").click()
    page.get_by_text("申し込みを取り消しました。").wait_for()
    assert_accessible(page)

    # The full event takes the next applicant on its waiting list.
    page.goto("/events/?q=スマホ教室")
    page.get_by_role("link", name=re.compile("スマホ教室")).first.click()
    page.get_by_role("link", name="キャンセル待ちで申し込む").click()
    page.get_by_label(re.compile("^お名前")).fill("待つ 太郎")
    page.get_by_label(re.compile("^電話番号")).fill("090-0000-1111")
    page.get_by_role("button", name="申し込む").click()
    page.get_by_role("heading", name="キャンセル待ちで受け付けました").wait_for()
    assert_accessible(page)


def test_an_admin_imports_a_municipal_csv_after_a_preview(page, tmp_path):
    day = datetime.date.today() + datetime.timedelta(days=30)
    header = (
        "都道府県コード又は市区町村コード,NO,都道府県名,市区町村名,イベント名,イベント名_カナ,"
        "イベント名_英語,開始日,終了日,開始時間,終了時間,開始日時特記事項,説明,料金(基本),"
        "料金(詳細),連絡先名称,連絡先電話番号,連絡先内線番号,主催者,場所名称,住所,方書,緯度,経度,"
        "アクセス方法,駐車場情報,定員,参加申込終了日,参加申込終了時間,参加申込方法,URL,備考"
    )
    stamp = int(time.time())
    rows = [
        f"141046,J{stamp},神奈川県,横浜市中区,読み込んだ体操教室{stamp},タイソウキョウシツ,,"
        f'{day:%Y/%m/%d},{day:%Y/%m/%d},10:00:00,11:30:00,,体操です。,"1,000円",,,,,'
        "横浜市中区,区民会館,神奈川県横浜市中区1-1,,,,,,20,,,,,",
        f"141046,K{stamp},神奈川県,横浜市中区,時刻が逆の会,ギャク,,{day},{day},15:00,14:00,,"
        "逆です。,0,,,,,,区民会館,横浜市中区1-1,,,,,,,,,,,",
    ]
    path = tmp_path / "events.csv"
    path.write_bytes(("\n".join([header, *rows]) + "\n").encode("cp932"))
    login(page, "admin@demo.kyoso.example")
    open_staff_page(page, "/events/import/")
    page.goto("/events/import/")
    assert_accessible(page)
    page.get_by_label(re.compile("^掲載するプラットフォーム")).select_option(label="神奈川県")
    page.get_by_label(re.compile("^CSV ファイル")).set_input_files(str(path))
    page.get_by_role("button", name="内容を確認する").click()
    page.get_by_role("heading", name="読み込む内容の確認").wait_for()
    assert "2行のうち、1行を読み込めます" in page.content()
    assert "終了は開始より後" in page.content()
    assert_accessible(page)
    page.get_by_role("button", name="1件を読み込む").click()
    page.wait_for_url("**/accounts/me/")
    assert f"読み込んだ体操教室{stamp}" in page.content()
    logout(page)
