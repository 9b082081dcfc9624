"""Local issues and matching (issue 13): a verified coordinator records a town meeting and posts
a local issue from it, and sees suggested organisations that serve that area and field, similar
cases and open funding measures, each with its reasons; an organisation answers 「協力できます」;
the coordinator replies, marks the issue 進行中 and turns it into a case, which the national
admin publishes; the national dashboard and its map count it for the prefecture. axe-core checks
every page visited."""

import re
import time

import pytest

from .conftest import assert_accessible, login, logout, open_staff_page

pytestmark = pytest.mark.e2e


def _tokyo(page, figure: str) -> int:
    found = re.search(r"<title>東京都：(\d+)</title>", page.content())
    assert found, figure
    return int(found.group(1))


def test_meeting_issue_suggestions_answer_case_and_dashboard(page, server):
    stamp = int(time.time())
    meeting_title = f"めじろ台タウンミーティング{stamp}"
    issue_title = f"坂の上の団地の買い物{stamp}"

    login(page, "admin@demo.kyoso.example")
    open_staff_page(page, "/dashboard/?figure=cases")
    cases_before = _tokyo(page, "cases")
    logout(page)

    login(page, "coordinator2@demo.kyoso.example")
    page.goto("/meetings/")
    assert_accessible(page)
    page.get_by_role("link", name="会議を記録する").click()
    assert_accessible(page)
    page.get_by_label("タウンミーティング", exact=True).check()
    page.get_by_label(re.compile("^会議の名前")).fill(meeting_title)
    page.get_by_label(re.compile("^開催日")).fill("2026-11-20")
    page.get_by_label(re.compile("^参加者：住民・住民団体")).fill("24")
    page.get_by_label(re.compile("^参加者：民間企業")).fill("2")
    page.get_by_label(re.compile("^見つかった地域課題")).fill(
        "坂の上の団地で、食品を買いに行けない人が多い。"
    )
    page.get_by_role("button", name="保存する").click()
    page.get_by_text("会議の記録を保存しました").wait_for()
    assert_accessible(page)
    assert "参加者 26人" in page.content()
    page.get_by_role("link", name="見つかった課題を地域課題として投稿する").click()
    assert_accessible(page)
    page.get_by_label(re.compile("^課題の名前")).fill(issue_title)
    page.get_by_label("買い物", exact=True).check()
    page.get_by_label("移動(交通)", exact=True).check()
    page.get_by_label("民間企業", exact=True).check()
    page.get_by_role("button", name="投稿する").click()
    page.get_by_text("地域課題を投稿しました").wait_for()
    assert_accessible(page)
    issue_url = page.url
    suggestions = page.locator("#suggest-title").locator("..")
    text = suggestions.inner_text()
    assert "八王子市で活動" in text or "東京都全域で活動" in text or "全国で活動" in text
    assert "分野「移動(交通)」「買い物」が一致" in text
    assert "受付中（あと" in text  # an open funding call first
    assert "参考になる共創事例" in text
    logout(page)

    login(page, "npo@demo.kyoso.example")
    page.goto(issue_url)
    assert_accessible(page)
    page.get_by_label(re.compile("^メッセージ")).fill("移動販売車を週1回出せます。")
    page.get_by_role("button", name="協力できますと伝える").click()
    page.get_by_text("「協力できます」を送りました").wait_for()
    assert_accessible(page)
    answer_url = page.url
    logout(page)

    login(page, "coordinator2@demo.kyoso.example")
    page.goto(answer_url)
    assert_accessible(page)
    assert "移動販売車を週1回出せます。" in page.content()
    page.get_by_label(re.compile("^返信")).fill("ありがとうございます。来週お話ししましょう。")
    page.get_by_role("button", name="送る").click()
    page.get_by_text("メッセージを送りました").wait_for()
    page.goto(issue_url)
    page.get_by_label("進行中", exact=True).check()
    page.get_by_role("button", name="状況を変える").click()
    page.get_by_text("状況を「進行中」にしました").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="この取組を共創事例として登録する").click()
    assert_accessible(page)
    assert page.get_by_label(re.compile("^事例の名称")).first.input_value() == issue_title
    page.get_by_label(re.compile("^取組の内容")).fill("事業者の移動販売車が週1回団地を回る。")
    page.get_by_role("button", name="登録して審査に送る").click()
    page.get_by_text("審査に送りました").wait_for()
    logout(page)

    login(page, "admin@demo.kyoso.example")
    open_staff_page(page, "/review/")
    page.get_by_role("link", name=issue_title).click()
    for label in ("個人が特定される情報", "出典が書かれている", "掲載の了解"):
        page.get_by_label(re.compile(label)).check()
    page.get_by_role("button", name="承認して公開する").click()
    page.get_by_text("承認し、公開しました").wait_for()
    open_staff_page(page, "/dashboard/?figure=cases")
    assert_accessible(page)
    assert _tokyo(page, "cases") == cases_before + 1
    page.get_by_label("地図に表す数").select_option(label="募集中の地域課題")
    page.get_by_role("button", name="地図を切り替える").click()
    assert_accessible(page)
    _tokyo(page, "local_issues")


@pytest.mark.parametrize(
    "path",
    [
        "/local-issues/",
        "/p/tokyo/local-issues/?state=all",
        "/coordinators/",
        "/coordinators/?pref=13",
        "/cases/?q=見守り&actor=company",
        "/p/tokyo/cases/",
        "/videos/series/1/",
        "/p/tokyo/videos/",
        "/en/cases/analysis/",
        "/en/local-issues/",
    ],
)
def test_more_pages_pass_axe(page, server, path):
    response = page.goto(path)
    assert response.status == 200, path
    assert_accessible(page)


def test_verified_coordinators_see_the_profiles(page, server):
    login(page, "coordinator2@demo.kyoso.example")
    page.goto("/coordinators/?pref=13")
    assert_accessible(page)
    assert "八王子 ゆう（デモ）" in page.content()
    page.goto("/meetings/")
    assert_accessible(page)
