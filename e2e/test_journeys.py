"""Journeys of the foundation: browse to a prefecture and back; sign up, verify, log in;
text size and language, with and without JavaScript. axe-core checks every page visited."""

import email
import re
import time

import pytest
from playwright.sync_api import expect

from .conftest import assert_accessible

pytestmark = pytest.mark.e2e

# Labels carry the DADS requirement marker: "パスワード ※必須".
PASSWORD = re.compile(r"^パスワード ※")
PASSWORD_AGAIN = re.compile(r"^パスワード \(再入力\)")


def test_home_to_a_prefectural_platform_and_back(page):
    page.goto("/")
    assert_accessible(page)
    assert page.title() == "ホーム | 生活支援共創プラットフォーム"
    page.get_by_role("link", name="東京都", exact=True).click()
    page.wait_for_url("**/p/tokyo/")
    assert (
        page.get_by_role("heading", level=1).inner_text() == "東京都版 生活支援共創プラットフォーム"
    )
    assert_accessible(page)
    page.get_by_role("link", name="賛同団体・官公庁一覧").click()
    page.wait_for_url("**/p/tokyo/directory/")
    assert "東京都社会福祉協議会" in page.content()
    assert_accessible(page)
    page.go_back()
    page.get_by_role("link", name="共創事例", exact=True).click()
    page.wait_for_url("**/p/tokyo/cases/")
    assert (
        "東京都版 生活支援共創プラットフォーム" in page.get_by_role("heading", level=1).inner_text()
    )
    assert_accessible(page)
    page.go_back()
    page.go_back()
    page.wait_for_url(re.compile(r".*/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "生活支援共創プラットフォーム"


def test_related_links_page(page):
    page.goto("/links/")
    assert page.get_by_role("heading", level=1).inner_text() == "関連リンク"
    assert page.get_by_role("link", name=re.compile(r"^e-Stat 政府統計の総合窓口")).count() == 1
    assert_accessible(page)


def test_keyboard_user_can_skip_to_the_main_content(page):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.textContent.trim()")
    assert focused == "本文へ移動"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"


def _latest_mail(mail_dir, to, timeout=10.0) -> str:
    """The decoded body of the newest mail to `to` written by Django's file mail backend."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        paths = (
            sorted(mail_dir.glob("*.log"), key=lambda p: p.stat().st_mtime)
            if mail_dir.exists()
            else []
        )
        for path in reversed(paths):
            for raw in path.read_text(encoding="utf-8").split("\n" + "-" * 79):
                message = email.message_from_string(raw.strip())
                if message["To"] == to:
                    return message.get_payload(decode=True).decode("utf-8")
        time.sleep(0.2)
    raise AssertionError(f"no mail to {to} in {mail_dir}")


def test_sign_up_verify_by_mail_then_log_in(page, server):
    address = f"journey-{int(time.time() * 1000)}@example.jp"
    password = "kyoso-journey-2026"
    page.goto("/accounts/signup/")
    assert_accessible(page)
    page.get_by_label("メールアドレス").fill(address)
    page.get_by_label(PASSWORD).fill("short")
    page.get_by_label(PASSWORD_AGAIN).fill("short")
    page.get_by_role("button", name="ユーザー登録").click()
    # Errors: summary focused, title prefixed, input kept.
    # The title is read once the new page has loaded: right after the click it may still be
    # the old one, or empty while the answer is parsed.
    expect(page).to_have_title(re.compile("^エラー："))
    page.wait_for_load_state()
    assert page.get_by_label("メールアドレス").input_value() == address
    assert page.evaluate("() => document.activeElement.id") == "error-summary"
    assert_accessible(page)
    page.get_by_label(PASSWORD).fill(password)
    page.get_by_label(PASSWORD_AGAIN).fill(password)
    page.get_by_role("button", name="ユーザー登録").click()
    page.wait_for_url("**/accounts/confirm-email/")
    assert_accessible(page)

    mail = _latest_mail(server["mail_dir"], address)
    assert "生活支援共創プラットフォーム" in mail
    link = re.search(r"http://\S+/accounts/confirm-email/\S+/", mail).group(0)
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    page.goto(path)
    assert_accessible(page)
    page.get_by_role("button", name="確認する").click()
    page.wait_for_url("**/accounts/me/")
    assert address in page.content()
    assert_accessible(page)

    page.get_by_role("link", name="ログアウト").first.click()
    page.get_by_role("button", name="ログアウト").click()
    page.goto("/accounts/login/")
    assert_accessible(page)
    page.get_by_label("メールアドレス").fill(address)
    page.get_by_label(PASSWORD).fill(password)
    page.get_by_role("button", name="ログイン").click()
    page.wait_for_url("**/accounts/me/")
    assert page.get_by_role("heading", level=1).inner_text() == "マイページ"


def _text_size_and_language(page, *, js: bool):
    page.goto("/p/osaka/")
    page.get_by_role("button", name="特大").click()
    page.wait_for_load_state()
    assert page.url.endswith("/p/osaka/")
    assert page.locator("html").get_attribute("class") == "text-size-xlarge contrast-standard"
    assert page.get_by_role("button", name="特大").get_attribute("aria-pressed") == "true"
    if js:
        assert_accessible(page)
    # High contrast, as a plain form POST too; axe checks the page in that mode.
    page.get_by_role("button", name="高コントラスト").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("class") == "text-size-xlarge contrast-high"
    if js:
        assert_accessible(page)
    page.get_by_role("button", name="通常の色").click()
    page.wait_for_load_state()
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/p/osaka/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert (
        "Osaka Life Support Co-creation Platform"
        in page.get_by_role("heading", level=1).inner_text()
    )
    assert page.locator("html").get_attribute("class") == "text-size-xlarge contrast-standard"
    if js:
        assert_accessible(page)
    page.get_by_role("button", name="Standard").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("class") == "text-size-standard contrast-standard"
    page.get_by_role("link", name="日本語").click()
    page.wait_for_url(re.compile(r".*/p/osaka/$"))
    assert page.locator("html").get_attribute("lang") == "ja"


def test_text_size_and_language_with_javascript(page):
    _text_size_and_language(page, js=True)


def test_text_size_and_language_without_javascript(nojs_page):
    _text_size_and_language(nojs_page, js=False)
