"""Prefectural platforms run by their prefecture (issue 13, first part): Tokyo's admin turns the
platform 準備中 and back to 運用中 after confirmations, sets its contact, adds a department to its
make-up, appoints a moderator, reads the municipality dashboard and is refused in Osaka; the
national admin reads the dashboard with its map and CSV. axe-core checks every page visited."""

import re
import time

import pytest

from .conftest import assert_accessible, login, logout, open_staff_page

pytestmark = pytest.mark.e2e


def test_a_prefectural_admin_runs_their_platform(page, server):
    login(page, "tokyo-admin@demo.kyoso.example")
    open_staff_page(page, "/p/tokyo/manage/")
    assert_accessible(page)
    page.get_by_role("link", name="準備中に戻す").click()
    assert_accessible(page)
    page.get_by_role("button", name="準備中に戻す").click()
    page.get_by_text("準備中に戻しました").wait_for()
    page.get_by_role("link", name="運用を始める").click()
    page.get_by_role("button", name="運用を始める").click()
    page.get_by_text("運用を始めました").wait_for()
    assert_accessible(page)
    contact = f"東京都 福祉局 在宅支援課 03-1234-{int(time.time()) % 10000:04d}"
    page.get_by_label(re.compile("^問い合わせ先")).fill(contact)
    page.get_by_role("button", name="保存する").click()
    page.get_by_text("紹介文・問い合わせ先を保存しました").wait_for()
    page.get_by_label("関係部局", exact=True).check()
    page.get_by_label(re.compile("^名称")).fill("東京都 都市整備局（デモ）")
    page.get_by_role("button", name="構成に加える").click()
    page.get_by_text("構成に加えました").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="管理者・モデレーター").click()
    assert_accessible(page)
    assert page.get_by_label("管理者", exact=True).count() == 0  # admins are appointed nationally
    page.get_by_label(re.compile("^メールアドレス")).fill("coordinator2@demo.kyoso.example")
    page.get_by_role("button", name="任命する").click()
    page.get_by_text("モデレーターに任命しました").wait_for()
    assert_accessible(page)
    page.goto("/p/tokyo/")
    assert_accessible(page)
    assert contact in page.content() and "東京都 都市整備局（デモ）" in page.content()
    assert "運用中" in page.content()
    open_staff_page(page, "/p/tokyo/dashboard/")
    assert_accessible(page)
    assert page.get_by_role("row", name=re.compile("^千代田区")).count() == 1
    response = page.request.get("/p/osaka/manage/")
    assert response.status == 403
    logout(page)

    login(page, "admin@demo.kyoso.example")
    open_staff_page(page, "/dashboard/")
    assert_accessible(page)
    page.get_by_label("地図に表す数").select_option(label="賛同団体")
    page.get_by_role("button", name="地図を切り替える").click()
    assert_accessible(page)
    assert re.search(r"<title>東京都：\d+</title>", page.content())
    csv = page.request.get("/dashboard/export.csv").text()
    assert csv.lstrip("\ufeff").startswith("code,prefecture,status,members")
