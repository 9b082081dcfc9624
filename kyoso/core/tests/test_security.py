"""Security settings that hold under real traffic: rate limits, secret key, admin MFA, headers."""

import os
import subprocess
import sys

import pytest
from django.urls import reverse

from kyoso.testing.factories import PASSWORD, UserFactory, give_mfa

pytestmark = pytest.mark.django_db


def test_login_rate_limit_holds_after_5000_unrelated_requests(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "5/5m/ip,5/5m/key"}
    user = UserFactory(email="target@example.jp")
    login = reverse("account_login")
    for _ in range(5):
        client.post(login, {"login": user.email, "password": "wrong-password-1"})
    # Page traffic that used to push the counters out of a 300-entry local-memory cache:
    # unique searches (each stores its facet counts) and many other lookups.
    for i in range(200):
        client.get("/directory/", {"q": f"見守り{i}", "pref": str(1 + i % 47).zfill(2)})
    for i in range(4800):
        client.get("/regions/municipalities/", {"q": f"ちよだ{i}"})
    response = client.post(login, {"login": user.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session, "the sixth guess got through"
    assert response.status_code in (200, 429)


def _start(env_extra: dict, tmp_path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "KYOSO_TESTING"}}
    env.update({"KYOSO_VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "kyoso.settings"})
    env.update(env_extra)
    code = (
        "import django; django.setup(); "
        "from django.conf import settings; print(settings.SECRET_KEY)"
    )
    return subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )


def test_the_server_refuses_to_start_without_a_secret_key(tmp_path):
    result = _start({}, tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_the_key_comes_from_var_or_the_environment(tmp_path):
    script = os.path.join(os.path.dirname(__file__), "..", "..", "..", "scripts", "secret-key.sh")
    subprocess.run(  # noqa: S603
        [script], env={**os.environ, "KYOSO_VAR_DIR": str(tmp_path)}, check=True
    )
    key_file = tmp_path / "secret_key"
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"
    key = key_file.read_text().strip()
    assert len(key) >= 50
    assert _start({}, tmp_path).stdout.strip() == key
    assert _start({"SECRET_KEY": "from-the-environment"}, tmp_path).stdout.strip() == (
        "from-the-environment"
    )


def test_django_admin_needs_mfa_and_its_saves_are_audited(client):
    from kyoso.audit.models import AuditEntry

    superuser = UserFactory(email="root@example.jp", is_staff=True, is_superuser=True)
    client.force_login(superuser)
    response = client.get("/django-admin/")
    assert (response.status_code == 302 and "two-factor" in response["Location"]) or (
        response["Location"] == reverse("mfa_activate_totp")
    )
    give_mfa(superuser)
    assert client.get("/django-admin/").status_code == 200
    assert client.post("/django-admin/auth/group/add/", {"name": "監査テスト"}).status_code == 302
    entry = AuditEntry.objects.get(action="admin.add")
    assert entry.actor == superuser and entry.data["via"] == "django-admin"


def test_headers_permissions_policy_and_private_pages(client, resident):
    response = client.get("/")
    assert "camera=()" in response["Permissions-Policy"]
    client.force_login(resident)
    response = client.get("/accounts/me/")
    assert response["Cache-Control"] == "private, no-store"


def test_feeds_use_plain_text_summaries(client, national):
    from django.utils import timezone

    from kyoso.measures.models import Measure

    Measure.objects.create(
        platform=national,
        title="施策",
        agency="厚生労働省",
        kind="grant",
        fiscal_year=2026,
        summary="<b>太字ではない</b> & 記号",
        status="published",
        published_at=timezone.now(),
    )
    feed = client.get("/measures/feed/").content.decode()
    assert '<summary type="text">&lt;b&gt;太字ではない&lt;/b&gt; &amp; 記号</summary>' in feed
    assert 'type="html"' not in feed
