"""The audit log page."""

import pytest

from kyoso.audit.actions import audit_record

pytestmark = pytest.mark.django_db


def test_national_admin_sees_every_entry(client, national_admin, tokyo, osaka):
    audit_record(actor=national_admin, action="platform.activate", platform=tokyo, target=tokyo)
    audit_record(actor=national_admin, action="platform.activate", platform=osaka, target=osaka)
    client.force_login(national_admin)
    html = client.get("/manage/audit/").content.decode()
    assert "東京都版" in html and "大阪府版" in html
    assert "プラットフォームを運用開始" in html


def test_prefectural_admin_sees_only_their_platform(
    client, national_admin, prefectural_admin, tokyo, osaka
):
    audit_record(actor=national_admin, action="platform.activate", platform=tokyo, target=tokyo)
    audit_record(actor=national_admin, action="platform.deactivate", platform=osaka, target=osaka)
    client.force_login(prefectural_admin)
    html = client.get("/manage/audit/").content.decode()
    assert "東京都版" in html
    assert "大阪府版" not in html


def test_moderators_cannot_read_the_audit_log(client, moderator):
    client.force_login(moderator)
    assert client.get("/manage/audit/").status_code == 403


def test_unknown_action_filter_is_ignored(client, national_admin):
    client.force_login(national_admin)
    assert client.get("/manage/audit/", {"action": "'; drop table"}).status_code == 200


def test_entries_survive_the_actor_being_deleted(national_admin, tokyo):
    entry = audit_record(
        actor=national_admin, action="platform.activate", platform=tokyo, target=tokyo
    )
    national_admin.delete()
    entry.refresh_from_db()
    assert entry.actor is None
    assert entry.actor_email == "national-admin@example.jp"
