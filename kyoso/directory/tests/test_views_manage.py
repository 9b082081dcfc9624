"""Owners edit (history and diff for admins), invite members; admins suspend."""

import pytest
from django.core import mail

from kyoso.directory.models import Invitation, Membership
from kyoso.moderation.models import PendingRevision
from kyoso.search.engine import Query, count
from kyoso.testing.factories import UserFactory, make_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def org(organisation_member, tokyo):
    org = make_organisation(name="ちよだ見守り隊", kana="ちよだみまもりたい", platform=tokyo)
    Membership.objects.create(organisation=org, user=organisation_member, role="owner")
    return org


def edit_data(org, **overrides):
    data = {
        "name": org.name,
        "name_kana": org.name_kana,
        "kind": org.kind,
        "fields": ["watching-over", "meals"],
        "area_kind": "municipalities",
        "area_municipalities": ["131016"],
        "description": "説明を新しくしました。",
        "private_contact": "新しい連絡先",
    }
    data.update(overrides)
    return data


def test_owner_edits_and_admin_sees_the_diff(
    client, org, organisation_member, prefectural_admin, django_capture_on_commit_callbacks
):
    client.force_login(organisation_member)
    response = client.post(f"/directory/{org.pk}/edit/", edit_data(org))
    assert response.status_code == 302
    assert count(Query(text="説明"))[0] == 0  # waiting for review: the public text is unchanged
    revision = PendingRevision.objects.get()
    client.force_login(prefectural_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/review/revisions/{revision.pk}/", {"decision": "approve"})
    assert response.status_code == 302
    assert count(Query(text="説明"))[0] == 1  # the index followed the accepted change
    html = client.get(f"/directory/{org.pk}/history/").content.decode()
    assert "説明を新しくしました。" in html
    assert "<del>" in html and "<ins>" in html


@pytest.mark.parametrize("persona", ["resident", "coordinator", "moderator"])
def test_others_cannot_edit(client, org, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert (
        client.post(f"/directory/{org.pk}/edit/", edit_data(org, name="乗っ取り")).status_code
        == 403
    )
    org.refresh_from_db()
    assert org.name == "ちよだ見守り隊"


def test_invitation_by_mail_makes_a_member(
    client, org, organisation_member, django_capture_on_commit_callbacks
):
    client.force_login(organisation_member)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/directory/{org.pk}/members/", {"email": "colleague@example.jp"})
    invitation = Invitation.objects.get()
    assert invitation.token in mail.outbox[-1].body
    colleague = UserFactory(email="colleague@example.jp")
    client.force_login(colleague)
    assert client.post(f"/directory/invitations/{invitation.token}/").status_code == 302
    assert Membership.objects.filter(organisation=org, user=colleague, role="member").exists()


def test_an_invitation_is_only_for_its_address(client, org, organisation_member, resident):
    invitation = Invitation.objects.create(
        organisation=org, email="someone@example.jp", invited_by=organisation_member
    )
    client.force_login(resident)
    assert client.post(f"/directory/invitations/{invitation.token}/").status_code == 403
    assert client.get("/directory/invitations/not-a-token/").status_code == 404


def test_suspension_hides_but_keeps_the_data(
    client, org, prefectural_admin, django_capture_on_commit_callbacks
):
    client.force_login(prefectural_admin)
    response = client.post(f"/directory/{org.pk}/suspend/", {"reason": ""})
    assert response.status_code == 422
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/directory/{org.pk}/suspend/", {"reason": "連絡が取れないため"})
    client.logout()
    assert client.get(org.get_absolute_url()).status_code == 404
    assert "ちよだ見守り隊" not in client.get("/directory/").content.decode()
    assert count(Query(text="見守り隊"))[0] == 0
    org.refresh_from_db()
    assert org.is_suspended and org.name == "ちよだ見守り隊"


def test_moderators_of_other_platforms_cannot_suspend(client, org, moderator):
    client.force_login(moderator)
    assert client.post(f"/directory/{org.pk}/suspend/", {"reason": "x"}).status_code == 403


def test_invitations_expire_after_seven_days_and_can_be_withdrawn(client, org, organisation_member):
    import datetime

    from django.utils import timezone

    colleague = UserFactory(email="late@example.jp")
    old = Invitation.objects.create(organisation=org, email=colleague.email)
    Invitation.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=8)
    )
    client.force_login(colleague)
    response = client.post(f"/directory/invitations/{old.token}/")
    assert response.status_code == 410 and "有効期限" in response.content.decode()
    assert not Membership.objects.filter(user=colleague).exists()
    fresh = Invitation.objects.create(organisation=org, email=colleague.email)
    client.force_login(organisation_member)
    client.post(f"/directory/{org.pk}/invitations/{fresh.pk}/withdraw/")
    client.force_login(colleague)
    assert client.post(f"/directory/invitations/{fresh.token}/").status_code == 410


def test_invitations_are_rate_limited_per_organisation(client, org, organisation_member):
    client.force_login(organisation_member)
    for i in range(20):
        client.post(f"/directory/{org.pk}/members/", {"email": f"p{i}@example.jp"})
    response = client.post(f"/directory/{org.pk}/members/", {"email": "one-more@example.jp"})
    assert response.status_code == 429 and "1日20件" in response.content.decode()
    assert Invitation.objects.filter(organisation=org).count() == 20


def test_owners_remove_members_after_confirming_but_not_the_last_owner(
    client, org, organisation_member
):
    from kyoso.audit.models import AuditEntry

    colleague = UserFactory(email="leaving@example.jp")
    membership = Membership.objects.create(organisation=org, user=colleague)
    client.force_login(organisation_member)
    url = f"/directory/{org.pk}/members/{membership.pk}/remove/"
    assert "よろしいですか" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert AuditEntry.objects.filter(action="directory.member_remove").exists()
    own = Membership.objects.get(organisation=org, user=organisation_member)
    assert client.post(f"/directory/{org.pk}/members/{own.pk}/remove/").status_code == 409
