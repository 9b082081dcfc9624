"""The national admin appoints prefectural admins and moderators from the site itself."""

import pytest
from django.urls import reverse

from kyoso.audit.models import AuditEntry
from kyoso.platforms.models import PlatformRole
from kyoso.testing.factories import UserFactory

pytestmark = pytest.mark.django_db
URL = "/manage/roles/"


def test_national_admin_appoints_a_prefectural_admin(client, national_admin, tokyo):
    newcomer = UserFactory(email="kanri@metro.tokyo.example")
    client.force_login(national_admin)
    response = client.post(
        URL, {"email": "KANRI@metro.tokyo.example", "platform": tokyo.pk, "role": "admin"}
    )
    assert response.status_code == 302
    assert PlatformRole.objects.filter(user=newcomer, platform=tokyo, role="admin").exists()
    entry = AuditEntry.objects.get(action="role.grant")
    assert entry.actor == national_admin
    assert entry.platform == tokyo
    page = client.get(URL).content.decode()
    assert "kanri@metro.tokyo.example" in page
    assert "東京都の管理者に任命しました" in page


def test_unknown_email_is_explained_next_to_the_field(client, national_admin, tokyo):
    client.force_login(national_admin)
    response = client.post(
        URL, {"email": "nobody@example.jp", "platform": tokyo.pk, "role": "admin"}
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert 'id="id_email_error"' in html
    assert "アカウントは見つかりません" in html
    assert 'value="nobody@example.jp"' in html  # what was typed is kept
    assert "エラー：" in html


@pytest.mark.parametrize(
    "data", [{}, {"email": "x", "platform": "999999", "role": "king"}, {"platform": "abc"}]
)
def test_bad_input_is_a_4xx_not_a_500(client, national_admin, data):
    client.force_login(national_admin)
    assert client.post(URL, data).status_code == 422


def test_granting_twice_is_refused(client, national_admin, prefectural_admin, tokyo):
    client.force_login(national_admin)
    response = client.post(
        URL, {"email": prefectural_admin.email, "platform": tokyo.pk, "role": "admin"}
    )
    assert response.status_code == 422
    assert "すでにその役割" in response.content.decode()


def test_revoking_asks_for_confirmation_first(client, national_admin, prefectural_admin):
    grant = PlatformRole.objects.get(user=prefectural_admin)
    client.force_login(national_admin)
    url = reverse("platforms:role_revoke", kwargs={"pk": grant.pk})
    page = client.get(url)
    assert "解除します。よろしいですか" in page.content.decode()
    assert PlatformRole.objects.filter(pk=grant.pk).exists()
    client.post(url)
    assert not PlatformRole.objects.filter(pk=grant.pk).exists()
    assert AuditEntry.objects.filter(
        action="role.revoke", data__user=prefectural_admin.email
    ).exists()


@pytest.mark.parametrize("persona", ["prefectural_admin", "moderator"])
def test_only_national_admins_may_appoint(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(URL).status_code == 403


@pytest.mark.parametrize("persona", ["resident", "coordinator", "organisation_member"])
def test_people_without_a_role_are_refused(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(URL).status_code == 403


def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_superuser_counts_as_national_admin(client, db):
    from kyoso.accounts.models import User
    from kyoso.testing.factories import give_mfa

    admin = give_mfa(User.objects.create_superuser("root@example.jp", "pw-long-enough-123"))
    client.force_login(admin)
    assert client.get(URL).status_code == 200


def test_staff_without_mfa_are_sent_to_set_it_up(client, db, tokyo):
    user = UserFactory()
    PlatformRole.objects.create(user=user, platform=tokyo, role="admin")
    client.force_login(user)
    response = client.get("/review/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
