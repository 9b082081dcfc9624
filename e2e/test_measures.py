"""Measures journey: an agency member registers a budget measure with a PDF, an admin publishes
it, and a municipal user finds it by field + audience + "open now" and downloads the PDF."""

import datetime
import re
import time

import pytest

from .conftest import assert_accessible, follow, login, logout, open_staff_page

pytestmark = pytest.mark.e2e
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_register_publish_find_and_download(page, tmp_path):
    title = f"高齢者の買い物支援モデル事業{int(time.time())}"
    pdf = tmp_path / "公募要領.pdf"
    pdf.write_bytes(PDF)
    today = datetime.date.today()

    login(page, "mhlw@demo.kyoso.example")
    page.goto("/measures/new/")
    assert_accessible(page)
    page.get_by_label(re.compile("^掲載するプラットフォーム")).select_option(label="全国版")
    page.get_by_label(re.compile("^名称")).fill(title)
    page.get_by_label(re.compile("^府省庁 ")).fill("厚生労働省")
    page.get_by_label(re.compile("^種類")).select_option(label="予算事業")
    page.get_by_label(re.compile("^年度")).fill("2026")
    page.get_by_label(re.compile("^予算額")).fill("500000000")
    page.get_by_label(re.compile("^概要")).fill("買い物支援のモデル事業を公募します。")
    page.get_by_label("市町村", exact=True).check()
    page.get_by_label("買い物", exact=True).check()
    page.get_by_label(re.compile("^受付開始日")).fill(
        (today - datetime.timedelta(days=1)).isoformat()
    )
    page.get_by_label(re.compile("^受付終了日")).fill(
        (today + datetime.timedelta(days=20)).isoformat()
    )
    page.get_by_label(re.compile("^添付資料の名前")).fill("公募要領")
    page.get_by_label(re.compile("^添付資料 ")).set_input_files(str(pdf))
    page.get_by_role("button", name="登録して審査に送る").click()
    page.wait_for_url("**/accounts/me/")
    assert title in page.content()
    logout(page)

    # The national admin publishes it.
    login(page, "admin@demo.kyoso.example")
    open_staff_page(page, "/review/")
    page.get_by_role("link", name=title).click()
    assert_accessible(page)
    page.get_by_role("button", name="承認して公開する").click()
    page.wait_for_url("**/review/")
    # The admin's other tools: the update flag and the related links' delete confirmation.
    page.goto("/measures/?sort=new")
    page.get_by_role("link", name=title).click()
    page.get_by_role("link", name="「更新が必要」の印をつける").click()
    assert_accessible(page)
    page.goto("/manage/links/")
    follow(page, page.get_by_role("link", name=re.compile("^削除")).first)
    assert "よろしいですか" in page.content()
    assert_accessible(page)
    logout(page)

    # A municipal official looks for open calls for municipalities in the shopping field.
    page.goto("/measures/")
    page.get_by_label("いま受付中のものだけ").check()
    page.get_by_label("対象", exact=True).select_option(value="municipality")
    page.get_by_label("分野", exact=True).select_option(value="shopping")
    page.get_by_role("button", name="この条件で探す").click()
    page.wait_for_url(re.compile(r".*open=1.*"))
    page.get_by_role("link", name=title).wait_for()
    assert_accessible(page)
    follow(page, page.get_by_role("link", name=title))
    assert "5億円" in page.content() and "あと20日" in page.content()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("^公募要領（PDF")).click()
    assert download.value.suggested_filename == "公募要領.pdf"

    # The registrant updates it; the change waits for review, then shows on the page.
    login(page, "mhlw@demo.kyoso.example")
    page.goto("/measures/?sort=new")
    page.get_by_role("link", name=title).click()
    page.get_by_role("link", name="この施策を更新する").click()
    assert_accessible(page)
    page.get_by_label(re.compile("^改訂の内容")).fill("受付期間を延長しました")
    page.get_by_label(re.compile("^受付終了日")).fill(
        (today + datetime.timedelta(days=30)).isoformat()
    )
    page.get_by_role("button", name="変更を申請する").click()
    page.wait_for_url("**/accounts/me/")
    assert "変更を申請しました" in page.content()
    logout(page)
    login(page, "admin@demo.kyoso.example")
    open_staff_page(page, "/review/")
    follow(page, page.get_by_role("link", name=title))
    assert "変更前（公開中）" in page.content() and "受付期間を延長しました" in page.content()
    assert_accessible(page)
    page.get_by_role("button", name="承認して反映する").click()
    page.wait_for_url("**/review/")
    page.goto("/measures/?sort=new")
    follow(page, page.get_by_role("link", name=title))
    assert "受付期間を延長しました" in page.content()
    assert_accessible(page)
