"""Cases, videos and training journeys (issue 12): a verified coordinator submits a case that names
two listed organisations and a measure; the national admin publishes it after the editor's
checklist; it appears in the analysis figures, on the map, on both organisations' pages and on
the measure's page. A symposium video plays in Chromium with its caption track; a word from its
transcript finds it in search with the chapter; a resident completes a training unit and sees
the progress on マイページ. axe-core checks every page visited."""

import re
import time

import pytest

from .conftest import assert_accessible, follow, login, logout, open_staff_page

pytestmark = pytest.mark.e2e

STORE = "株式会社みらい買い物支援"
SHAKYO = "社会福祉法人東京都社会福祉協議会（デモ）"
MEASURE = "生活支援体制整備事業（デモ）"


def _until(page, script: str, timeout: float = 10.0) -> None:
    """Poll `script` (an arrow function) until it is true: wait_for_function's string form needs
    eval, which the site's CSP forbids."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(script):
        assert time.monotonic() < deadline, script
        time.sleep(0.1)


def _tokyo_count(page) -> int:
    found = re.search(
        r"<title>東京都：(\d+)件</title>", page.request.get("/cases/analysis/").text()
    )
    return int(found.group(1))


def test_a_case_from_submission_to_the_map(page, server):
    title = f"団地の移動販売と見守り{int(time.time())}"
    before = _tokyo_count(page)
    login(page, "coordinator2@demo.kyoso.example")
    page.goto("/cases/")
    assert_accessible(page)
    page.get_by_role("link", name="事例を登録する").first.click()
    assert_accessible(page)
    page.get_by_label(re.compile("^事例の名称")).first.fill(title)
    page.get_by_label(re.compile("^概要")).fill("スーパーの移動販売車が週2回、団地を回ります。")
    page.get_by_label(re.compile("^都道府県 ")).select_option("13")
    page.get_by_label(re.compile("^名前で探す")).fill("はちおうじ")
    page.get_by_role("button", name="東京都八王子市を選ぶ").click()
    page.get_by_label("買い物", exact=True).check()
    page.get_by_label("見守り", exact=True).check()
    page.get_by_label(re.compile("^開始年")).fill("2022")
    page.get_by_label(re.compile("^地域の課題")).fill(
        "団地近くのスーパーが閉店し、買い物に困る人が増えた。"
    )
    page.get_by_label(re.compile("^取組の内容")).fill(
        "スーパーが移動販売車を走らせ、社協が見守る。"
    )
    page.get_by_label(re.compile("^活用した施策・予算")).select_option(
        label=f"{MEASURE}（厚生労働省）"
    )
    page.locator('[name="actor-0-role"]').select_option("company")
    page.locator('[name="actor-0-organisation_name"]').fill(STORE)
    page.locator('[name="actor-1-role"]').select_option("shakyo")
    page.locator('[name="actor-1-organisation_name"]').fill(SHAKYO)
    page.locator('[name="outcome-0-label"]').fill("利用者数")
    page.locator('[name="outcome-0-value"]').fill("300")
    page.locator('[name="outcome-0-unit"]').fill("人／月")
    page.locator('[name="outcome-0-source"]').fill("事業者の販売記録")
    page.get_by_role("button", name="登録して審査に送る").click()
    page.get_by_text("審査に送りました").wait_for()
    assert_accessible(page)
    logout(page)

    login(page, "admin@demo.kyoso.example")
    open_staff_page(page, "/review/")
    assert_accessible(page)
    page.get_by_role("link", name=title).click()
    assert_accessible(page)
    page.get_by_role("button", name="承認して公開する").click()
    page.get_by_text("確認項目をすべて確かめて").wait_for()  # the checklist comes first
    assert_accessible(page)
    for label in ("個人が特定される情報", "出典が書かれている", "掲載の了解"):
        page.get_by_label(re.compile(label)).check()
    page.get_by_role("button", name="承認して公開する").click()
    page.get_by_text("承認し、公開しました").wait_for()
    logout(page)

    page.goto("/cases/")
    follow(page, page.get_by_role("link", name=title))
    assert_accessible(page)
    assert "この事例を引用するとき" in page.content()
    case_url = page.url
    follow(page, page.get_by_role("link", name=STORE))
    assert_accessible(page)
    assert title in page.content()
    page.goto(case_url)
    follow(page, page.get_by_role("link", name=SHAKYO))
    assert title in page.content()
    page.goto(case_url)
    follow(page, page.get_by_role("link", name=MEASURE))
    assert_accessible(page)
    assert title in page.content()
    page.goto("/cases/analysis/")
    assert_accessible(page)
    assert _tokyo_count(page) == before + 1
    page.get_by_text("「都道府県別の事例数」の数値（表）").click()
    row = page.get_by_role("row", name=re.compile("^東京都"))
    assert row.get_by_role("cell").inner_text() == str(before + 1)


def test_a_symposium_video_with_captions_transcript_search_and_training(page, server):
    page.goto("/videos/")
    assert_accessible(page)
    page.get_by_role("link", name="基調講演 共創による地域づくり（デモ）").click()
    assert_accessible(page)
    video = page.locator("video")
    assert video.locator("track[kind=captions]").count() == 1
    _until(page, "() => document.querySelector('video').readyState >= 1")
    assert round(page.evaluate("document.querySelector('video').duration")) == 24
    page.evaluate("v => { v.muted = true; return v.play(); }", video.element_handle())
    _until(page, "() => document.querySelector('video').currentTime > 0.3")
    _until(
        page,
        "() => { const t = document.querySelector('video').textTracks[0];"
        " return !!(t && t.cues && t.cues.length === 6); }",
    )
    page.get_by_role("link", name="0:08 買い物支援の事例").first.click()
    _until(page, "() => Math.abs(document.querySelector('video').currentTime - 8) < 2")
    assert page.get_by_role("heading", name="文字起こし").is_visible()

    page.goto("/search/?q=集落")
    assert_accessible(page)
    link = page.get_by_role(
        "link", name=re.compile("基調講演 共創による地域づくり.*買い物支援の事例")
    )
    assert "?t=8#chapter-8" in link.first.get_attribute("href")

    login(page, "resident@demo.kyoso.example")
    page.goto("/training/")
    assert_accessible(page)
    page.get_by_role("link", name="生活支援コーディネーター 基礎研修（デモ）").click()
    assert_accessible(page)
    follow(page, page.get_by_role("link", name="単元1 地域資源を知る（デモ）"))
    assert "担当地域の通いの場を3つ以上挙げられる" in page.content()
    page.get_by_role("button", name="この単元を受講済みにする").click()
    page.get_by_text("受講済みにしました").wait_for()
    assert_accessible(page)
    page.goto("/accounts/me/")
    assert_accessible(page)
    assert "受講済み 1 / 3 単元" in page.content()
