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


def test_older_entries_are_reached_page_by_page(client, national_admin, tokyo):
    from kyoso.audit.actions import audit_record

    for i in range(120):
        audit_record(actor=national_admin, action="links.delete", platform=tokyo, data={"n": i})
    client.force_login(national_admin)
    first = client.get("/manage/audit/", {"action": "links.delete"})
    older = first.context["older_url"]
    assert older and len(first.context["entries"]) == 50
    second = client.get("/manage/audit/" + older)
    third = client.get("/manage/audit/" + second.context["older_url"])
    seen = [e.pk for r in (first, second, third) for e in r.context["entries"]]
    assert len(seen) == 120 == len(set(seen)) and seen == sorted(seen, reverse=True)
    assert third.context["older_url"] == "" and "最新の記録へ" in third.content.decode()
    assert client.get("/manage/audit/", {"before": "9" * 40}).status_code == 200
