"""Directory journey: an organisation applies, the national admin (with MFA) approves it, and a
resident finds it by a municipality search. axe-core checks every page visited."""

import re
import time

import pytest
from playwright.sync_api import expect

from .conftest import assert_accessible, follow, login, logout, open_staff_page

pytestmark = pytest.mark.e2e


def test_apply_approve_and_find_by_municipality(page):
    name = f"NPO法人よこはま買い物応援団{int(time.time())}"
    login(page, "npo@demo.kyoso.example")
    page.goto("/directory/apply/")
    assert_accessible(page)
    page.get_by_label(re.compile("^申請先のプラットフォーム")).select_option(label="全国版")
    page.get_by_label(re.compile("^団体名 ")).fill(name)
    page.get_by_label(re.compile("^団体名のよみがな")).fill("よこはまかいものおうえんだん")
    page.get_by_label(re.compile("^種別")).select_option(label="NPO法人")
    page.get_by_label("買い物", exact=True).check()
    # The follow-up questions appear once the area is chosen.
    assert page.locator("#id_area_municipalities_group").is_hidden()
    page.get_by_label("市区町村を選ぶ").check()
    # The municipality picker (htmx): search by reading, add with one click.
    page.get_by_label(re.compile("^名前で探す")).fill("よこはましなか")
    page.get_by_role("button", name="神奈川県横浜市中区を選ぶ").click()
    assert page.get_by_label("神奈川県横浜市中区").is_checked()
    page.get_by_label(re.compile("^団体の紹介")).fill(
        "横浜市中区で、高齢者の買い物に付き添う活動をしています。"
    )
    page.get_by_label(re.compile("^事務局用の連絡先")).fill("担当 鈴木 045-000-0000")
    page.get_by_role("button", name="申請する").click()
    page.wait_for_url("**/accounts/me/")
    assert name in page.content()
    assert_accessible(page)
    logout(page)

    login(page, "admin@demo.kyoso.example")
    # Admin pages need two-factor authentication: the first visit sets it up.
    open_staff_page(page, "/review/")
    page.goto("/review/")
    assert_accessible(page)
    page.get_by_role("link", name=name).click()
    assert_accessible(page)
    page.get_by_role("button", name="承認して公開する").click()
    page.wait_for_url("**/review/")
    # The admin's tools on the new profile: history (with the private contact) and suspension.
    page.goto("/directory/?sort=new")
    follow(page, page.get_by_role("link", name=name))
    follow(page, page.get_by_role("link", name="変更履歴と連絡先（事務局用）"))
    assert "045-000-0000" in page.content()
    assert_accessible(page)
    page.get_by_role("link", name="掲載を停止する").click()
    assert_accessible(page)
    # Related links are kept by admins too.
    page.goto("/manage/links/")
    assert_accessible(page)
    page.get_by_role("link", name="リンクを追加する").click()
    page.get_by_role("button", name="保存する").click()
    # The title is read once the new page has loaded: right after the click it may still be
    # the old one, or empty while the answer is parsed.
    expect(page).to_have_title(re.compile("^エラー："))
    page.wait_for_load_state()
    assert_accessible(page)
    logout(page)

    page.goto("/directory/?q=買い物")
    # Municipalities are found by name or reading; a suggestion keeps the other filters.
    page.get_by_label("市区町村を名前で探す").fill("なかく")
    page.get_by_role("link", name="神奈川県横浜市中区").click()
    page.wait_for_url(re.compile(r".*q=%E8%B2%B7.*pref=14&muni=141046.*"))
    page.get_by_role("link", name=name).wait_for()
    page.goto("/directory/")
    # Without typing: the prefecture first, then its municipalities.
    page.get_by_label("活動地域（都道府県）").select_option(value="14")
    page.get_by_label("活動地域（市区町村）").select_option(label="横浜市中区")
    page.get_by_label("並び順").select_option(label="新着順")
    page.get_by_role("button", name="この条件で探す").click()
    page.wait_for_url(re.compile(r".*muni=141046.*"))
    page.get_by_role("link", name=name).wait_for()
    assert "横浜市中区で活動" in page.content()
    assert_accessible(page)
    follow(page, page.get_by_role("link", name=name))
    assert page.get_by_role("heading", level=1).inner_text().startswith(name)
    assert "045-000-0000" not in page.content()  # the secretariat's contact stays private
    assert_accessible(page)

    # The owner edits the profile and invites a colleague.
    login(page, "npo@demo.kyoso.example")
    page.goto("/directory/?sort=new")
    page.get_by_role("link", name=name).click()
    page.get_by_role("link", name="団体の情報を編集する").click()
    assert_accessible(page)
    page.get_by_label(re.compile("^団体の紹介")).fill(
        "横浜市中区と南区で、買い物の付き添いをしています。"
    )
    # A listed organisation's change waits for review; the published page stays as it is.
    page.get_by_role("button", name="変更を申請する").click()
    page.wait_for_url("**/accounts/me/")
    assert "変更を申請しました" in page.content()
    assert_accessible(page)
    page.goto("/directory/?sort=new")
    follow(page, page.get_by_role("link", name=name))
    assert "南区" not in page.content()
    page.get_by_role("link", name="メンバーを招待する").click()
    assert_accessible(page)
    page.get_by_label(re.compile("^招待する人のメールアドレス")).fill("colleague@example.jp")
    follow(page, page.get_by_role("button", name="招待メールを送る"))
    assert "colleague@example.jp" in page.content()
    assert_accessible(page)
