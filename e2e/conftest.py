"""Browser journeys: a production-like server (granian + WhiteNoise, DEBUG off) on a fresh SQLite
database with the reference and demo data, driven by Playwright through Debian's Chromium."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
AXE = (Path(__file__).parent / "vendor" / "axe-4.14.1.min.js").read_text(encoding="utf-8")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    var = tmp_path_factory.mktemp("e2e-var")
    env = {
        **os.environ,
        "KYOSO_VAR_DIR": str(var),
        "EMAIL_FILE_PATH": str(var / "mail"),
        "STATIC_ROOT": str(var / "static"),
        "DJANGO_SETTINGS_MODULE": "kyoso.settings",
    }
    for name in ("KYOSO_TESTING", "DEBUG", "DATABASE_URL", "REDIS_URL", "SECRET_KEY"):
        env.pop(name, None)
    subprocess.run([str(ROOT / "scripts" / "secret-key.sh")], env=env, check=True)
    python = sys.executable
    for command in (
        ["migrate", "--noinput", "-v", "0"],
        ["load_reference_data"],
        ["load_demo_data"],
        ["collectstatic", "--noinput", "-v", "0"],
    ):
        subprocess.run([python, "manage.py", *command], cwd=ROOT, env=env, check=True)
    port = _free_port()
    granian = Path(python).parent / "granian"
    log = (var / "server.log").open("w")
    proc = subprocess.Popen(
        [
            str(granian),
            "--interface",
            "wsgi",
            "--blocking-threads",
            "1",
            "--workers",
            "1",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "kyoso.wsgi:application",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base + "/", timeout=2)  # noqa: S310 - loopback only
            break
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                raise RuntimeError((var / "server.log").read_text()) from None
            time.sleep(0.3)
    yield {"base": base, "mail_dir": var / "mail"}
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(base_url=server["base"], viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def nojs_page(browser, server):
    context = browser.new_context(
        base_url=server["base"], java_script_enabled=False, viewport={"width": 375, "height": 800}
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def assert_accessible(page) -> None:
    """axe-core over the current page: zero WCAG 2.2 A/AA violations. Evaluated through the
    DevTools protocol, so the page's CSP (no inline scripts) stays on. It waits for the page to
    load first: right after a click the new document may still be parsing."""
    page.wait_for_load_state()
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE + "\n;undefined")
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    problems = [
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(n["target"][0] if n["target"] else "?" for n in v["nodes"][:5])
        for v in result["violations"]
    ]
    assert not problems, f"axe found problems on {page.url}:\n" + "\n".join(problems)


# --- signing in as staff (MFA) -------------------------------------------------------------------

DEMO_PASSWORD = "kyoso-demo-2026"
# Each staff account's TOTP secret (by email) once a journey has set it up, the signed-in email,
# and the last time step used per secret (a code is accepted only once).
_mfa_state: dict[str, object] = {}


def totp(secret: str, at: float | None = None) -> str:
    """RFC 6238 (SHA-1, 30 s, 6 digits), as authenticator apps and allauth use."""
    import base64
    import hashlib
    import hmac
    import struct

    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = struct.pack(">Q", int((at or time.time()) // 30))
    digest = hmac.new(key, counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = (struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{code:06d}"


def fresh_totp(secret: str) -> str:
    """A code from a time step not used before in this run (a code is accepted only once)."""
    steps = _mfa_state.setdefault("last_step", {})
    step = int(time.time() // 30)
    if steps.get(secret) == step:
        time.sleep(30 - time.time() % 30 + 0.5)
        step = int(time.time() // 30)
    steps[secret] = step
    return totp(secret)


def follow(page, locator) -> None:
    """Click a link (or a button that submits a form) and wait until the page it leads to has
    loaded. Playwright's click does not wait for the navigation it starts: reading the page right
    after it can read the old document, or an empty one while the new one is being parsed."""
    with page.expect_navigation():
        locator.click()


def login(page, email: str) -> None:
    import re

    page.goto("/accounts/login/")
    page.get_by_label("メールアドレス").fill(email)
    page.get_by_label(re.compile(r"^パスワード")).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="ログイン").click()
    page.wait_for_load_state()
    _mfa_state["current"] = email
    if "/2fa/authenticate/" in page.url:
        assert_accessible(page)
        secret = _mfa_state["secrets"][email]
        page.get_by_label(re.compile("^(コード|Code)")).fill(fresh_totp(secret))
        page.get_by_role("button", name=re.compile("サインイン|ログイン|Sign In")).click()
        page.wait_for_load_state()


def logout(page) -> None:
    page.goto("/accounts/logout/")
    page.get_by_role("button", name="ログアウト").click()


def open_staff_page(page, path: str) -> None:
    """Open a staff page as the signed-in admin, setting up TOTP the first time it is asked for."""
    import re

    page.goto(path)
    page.wait_for_load_state()
    if "/reauthenticate/" in page.url:
        assert_accessible(page)
        page.get_by_label(re.compile(r"^パスワード")).fill(DEMO_PASSWORD)
        page.get_by_role("button", name="確認する").click()
        page.wait_for_load_state()
    if "/2fa/totp/activate/" in page.url:
        assert_accessible(page)
        secret = page.locator("#authenticator_secret").input_value()
        _mfa_state.setdefault("secrets", {})[_mfa_state["current"]] = secret
        page.get_by_label(re.compile("^認証アプリコード")).fill(fresh_totp(secret))
        page.get_by_role("button", name="有効化する").click()
        page.wait_for_load_state()
        page.goto(path)
