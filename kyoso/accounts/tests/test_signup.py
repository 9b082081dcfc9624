"""Sign-up with email verification, login, profile and password reset (allauth, in Japanese)."""

import re

import pytest
from django.core import mail

from kyoso.accounts.models import User
from kyoso.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def signup(client, email="new@example.jp"):
    return client.post(
        "/accounts/signup/",
        {"email": email, "password1": "kyoso-secret-2026", "password2": "kyoso-secret-2026"},
    )


def test_signup_sends_a_japanese_verification_mail_and_the_link_logs_in(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = signup(client)
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new@example.jp"]
    assert "生活支援共創プラットフォーム" in message.subject
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    confirm = client.post("/" + path)
    assert confirm.status_code == 302
    me = client.get("/accounts/me/")
    assert me.status_code == 200
    assert "new@example.jp" in me.content.decode()


def test_unverified_users_cannot_log_in(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        signup(client)
    client.logout()
    response = client.post(
        "/accounts/login/", {"login": "new@example.jp", "password": "kyoso-secret-2026"}
    )
    assert response.status_code == 302
    assert "confirm-email" in response["Location"]
    assert client.get("/accounts/me/").status_code == 302


def test_signup_errors_are_in_japanese_and_keep_the_email(client):
    response = client.post(
        "/accounts/signup/",
        {"email": "keep@example.jp", "password1": "short", "password2": "other"},
    )
    html = response.content.decode()
    assert response.status_code == 200  # allauth re-renders its form
    assert 'value="keep@example.jp"' in html
    assert "エラー" in html
    assert not User.objects.filter(email="keep@example.jp").exists()


def test_duplicate_email_is_refused(client, resident):
    response = client.post(
        "/accounts/signup/",
        {
            "email": resident.email,
            "password1": "kyoso-secret-2026",
            "password2": "kyoso-secret-2026",
        },
    )
    assert User.objects.filter(email=resident.email).count() == 1
    assert response.status_code in (200, 302)


def test_login_and_logout(client, resident):
    response = client.post(
        "/accounts/login/", {"login": resident.email, "password": "correct-horse-battery-staple"}
    )
    assert response.status_code == 302
    assert client.get("/accounts/me/").status_code == 200
    client.post("/accounts/logout/")
    assert client.get("/accounts/me/").status_code == 302


def test_password_reset_mail(client, resident, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/password/reset/", {"email": resident.email})
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_profile_update_is_audited(client, coordinator):
    client.force_login(coordinator)
    response = client.post(
        "/accounts/me/",
        {"display_name": "新しい名前", "persona": "coordinator", "home_prefecture": "20"},
    )
    assert response.status_code == 302
    coordinator.refresh_from_db()
    assert coordinator.display_name == "新しい名前"
    assert coordinator.home_prefecture_id == "20"
    assert AuditEntry.objects.filter(action="account.profile_update", actor=coordinator).exists()


def test_profile_bad_input_is_422(client, coordinator):
    client.force_login(coordinator)
    response = client.post(
        "/accounts/me/", {"display_name": "x" * 80, "persona": "emperor", "home_prefecture": "99"}
    )
    assert response.status_code == 422
    coordinator.refresh_from_db()
    assert coordinator.persona == "coordinator"


def test_createsuperuser_noinput_makes_the_national_admin(monkeypatch):
    from django.core.management import call_command

    from kyoso.platforms.access import is_national_admin

    monkeypatch.setenv("DJANGO_SUPERUSER_EMAIL", "mhlw@example.jp")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-password-2026")
    call_command("createsuperuser", "--noinput")
    user = User.objects.get(email="mhlw@example.jp")
    assert is_national_admin(user)


def test_a_superuser_from_the_command_signs_in_at_once_and_returns_after_totp(
    client, monkeypatch, db
):
    from django.core.management import call_command

    from kyoso.testing.factories import give_mfa

    monkeypatch.setenv("DJANGO_SUPERUSER_EMAIL", "chief@example.jp")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-admin-passphrase-2026")
    call_command("createsuperuser", interactive=False, verbosity=0)
    response = client.post(
        "/accounts/login/",
        {"login": "chief@example.jp", "password": "a-long-admin-passphrase-2026"},
    )
    assert response.status_code == 302
    assert "confirm-email" not in response["Location"] and "_auth_user_id" in client.session
    # The review queue sends them to TOTP set-up and remembers where they were going …
    response = client.get("/review/?page=1")
    assert response.status_code == 302 and "totp" in response["Location"]
    # … and once TOTP is on, every page offers the way back, until they take it.
    from kyoso.accounts.models import User

    give_mfa(User.objects.get(email="chief@example.jp"))
    html = client.get("/accounts/me/").content.decode()
    assert 'href="/review/?page=1"' in html and "元のページに進む" in html
    assert client.get("/review/?page=1").status_code == 200
    assert "元のページに進む" not in client.get("/accounts/me/").content.decode()
