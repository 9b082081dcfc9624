"""Board journeys (issue 11): a resident asks to be verified as a coordinator and the national admin
confirms; the new coordinator starts a thread in the members-only room (seeing 似ている話題 first),
which an anonymous visitor finds nowhere; another coordinator replies and the first gets a mail.
Then a member's reply with an NG word is held, the rate limit answers in Japanese, a report is
handled by a moderator who hides the post with a reason that its author sees. axe-core checks
every page visited."""

import re
import time

import pytest

from .conftest import assert_accessible, follow, login, logout, open_staff_page

pytestmark = pytest.mark.e2e


def _start_thread(page, board: str, title: str, body: str) -> str:
    page.goto(f"/board/{board}/new/")
    assert_accessible(page)
    page.get_by_label(re.compile("^タイトル")).fill(title)
    page.get_by_label(re.compile("^本文")).fill(body)
    page.get_by_role("button", name="内容を確かめる").click()
    page.get_by_role("heading", name="似ている話題").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="この内容で投稿する").click()
    page.get_by_role("heading", name=title).wait_for()
    assert_accessible(page)
    return page.url


def test_verify_then_talk_in_a_members_only_room(page, server):
    from .test_journeys import _latest_mail

    title = f"協議体の記録の残し方{int(time.time())}"
    login(page, "resident@demo.kyoso.example")
    page.goto("/board/coordinators/")
    assert "ページが見つかりません" in page.content()  # not verified yet: the room does not exist
    page.goto("/accounts/verification/")
    assert_accessible(page)
    page.get_by_label("生活支援コーディネーター", exact=True).check()
    page.get_by_label(re.compile("^名前で探す")).fill("ちよだ")
    page.get_by_role("button", name="東京都千代田区を選ぶ").click()
    page.get_by_label("第1層（市町村全域）").check()
    page.get_by_role("button", name="確認を申請する").click()
    page.get_by_text("申請を受け付けました").wait_for()
    assert_accessible(page)
    logout(page)

    login(page, "admin@demo.kyoso.example")
    open_staff_page(page, "/review/verifications/")
    assert_accessible(page)
    follow(page, page.get_by_role("link", name="佐藤 一郎（デモ）"))
    assert_accessible(page)
    page.get_by_role("button", name="確認する", exact=True).click()
    page.get_by_text("結果を保存し").wait_for()
    logout(page)
    assert "確認しました" in _latest_mail(server["mail_dir"], "resident@demo.kyoso.example")

    login(page, "resident@demo.kyoso.example")
    thread_url = _start_thread(
        page, "coordinators", title, "協議体の話し合いを、どう記録して住民に返していますか。"
    )
    assert "生活支援コーディネーター（第1層）・千代田区" in page.content()
    logout(page)

    # An anonymous visitor: the room, the thread and its feed do not exist; search finds nothing.
    for path in ("/board/coordinators/", thread_url, "/board/coordinators/feed/"):
        response = page.request.get(path)
        assert response.status == 404, path
    page.goto("/search/?q=" + title)
    assert_accessible(page)
    assert "/board/coordinators/" not in page.content()
    assert title not in page.request.get("/board/feed/").text()

    login(page, "coordinator2@demo.kyoso.example")
    page.goto(thread_url)
    assert_accessible(page)
    reply = page.get_by_role("textbox", name=re.compile("^返信"))
    reply.fill("議事録を写真つきで回覧板に載せています。")
    page.get_by_role("button", name="返信する").click()
    page.get_by_text("返信しました").wait_for()
    assert_accessible(page)
    logout(page)
    mail = _latest_mail(server["mail_dir"], "resident@demo.kyoso.example")
    assert title in mail and "/notifications/unsubscribe/" in mail


def test_ng_word_rate_limit_and_a_report_hidden_with_a_reason(page, server):
    title = f"買い物ボランティアの集め方{int(time.time())}"
    login(page, "resident@demo.kyoso.example")
    thread_url = _start_thread(
        page, "field-shopping", title, "買い物の付き添いボランティアをどう集めていますか。"
    )
    logout(page)

    login(page, "npo@demo.kyoso.example")
    page.goto(thread_url)
    page.get_by_role("textbox", name=re.compile("^返信")).fill("この情報商材で解決します")
    page.get_by_role("button", name="返信する").click()
    page.get_by_text("管理者が確認してから公開されます").first.wait_for()
    assert "使わないようお願いしている言葉" in page.content()
    assert_accessible(page)
    # Posting again and again: the limit says, in Japanese, when posting is possible again.
    for n in range(8):
        page.goto(thread_url)
        page.get_by_role("textbox", name=re.compile("^返信")).fill(f"{n}回目の返信です。")
        page.get_by_role("button", name="返信する").click()
        page.wait_for_load_state()
        if "以降にもう一度投稿してください" in page.content():
            break
    else:
        raise AssertionError("the posting limit never answered")
    assert_accessible(page)
    assert "回目の返信です。" in page.content()  # what was typed is kept

    # A report on the opening post; the national admin hides it with a reason.
    page.goto(thread_url)
    page.locator("#post-1").get_by_role("link", name="通報").click()
    assert_accessible(page)
    page.get_by_label("宣伝・スパム").check()
    page.get_by_role("button", name="通報する").click()
    page.get_by_text("通報を受け付けました").wait_for()
    logout(page)

    login(page, "admin@demo.kyoso.example")
    open_staff_page(page, "/board/reports/")
    assert_accessible(page)
    item = page.locator("li", has=page.get_by_role("link", name=f"{title} #1"))
    item.get_by_label("理由（投稿した人に伝わります）").fill("宣伝にあたるため非表示にしました")
    item.get_by_role("button", name="非表示にする").click()
    page.get_by_text("操作を記録しました").wait_for()
    assert_accessible(page)
    logout(page)

    login(page, "resident@demo.kyoso.example")
    page.goto(thread_url)
    assert "宣伝にあたるため非表示にしました" in page.content()
    assert_accessible(page)
    logout(page)
    assert page.request.get(thread_url).status == 404
