"""Edits of published content are reviewed; rights fields need admins; four eyes everywhere;
reviewers (and only they and the submitter) see pending files; concurrent edits never overwrite."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from kyoso.directory.models import Membership
from kyoso.measures.models import Measure
from kyoso.moderation import registry
from kyoso.moderation.models import PendingRevision, Status
from kyoso.platforms.models import Platform, PlatformRole
from kyoso.testing.factories import NoticeFactory, UserFactory, grant, make_organisation

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%minimal\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (32, 32), "blue").save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def owned(organisation_member, tokyo):
    """A resident's organisation, approved on the Tokyo platform."""
    org = make_organisation(name="ちよだ見守り隊", kana="ちよだみまもりたい", platform=tokyo)
    Membership.objects.create(organisation=org, user=organisation_member, role="owner")
    return org


def org_data(org, **overrides):
    data = {
        "name": org.name,
        "name_kana": org.name_kana,
        "kind": org.kind,
        "fields": ["watching-over"],
        "area_kind": "municipalities",
        "area_municipalities": ["131016"],
        "description": org.description,
        "private_contact": "連絡先",
        "base_version": org.version,
    }
    data.update(overrides)
    return data


def test_a_member_cannot_make_their_organisation_a_ministry(
    client, owned, organisation_member, prefectural_admin, tokyo
):
    client.force_login(organisation_member)
    response = client.post(
        f"/directory/{owned.pk}/edit/", org_data(owned, kind="ministry", name="厚生労働省")
    )
    assert response.status_code == 302
    client.logout()
    page = client.get(owned.get_absolute_url()).content.decode()
    title = page.split("<title>")[1].split("</title>")[0]
    assert "厚生労働省" not in title and "ちよだ見守り隊" in title
    client.force_login(organisation_member)
    assert client.get("/measures/new/").status_code == 403
    revision = PendingRevision.objects.get()
    assert revision.admin_only and {"kind", "name"} <= set(revision.data)

    # A moderator of the platform may not accept a change of rights fields; its admin may.
    tokyo_moderator = grant(UserFactory(), tokyo, PlatformRole.Role.MODERATOR)
    client.force_login(tokyo_moderator)
    html = client.get(f"/review/revisions/{revision.pk}/").content.decode()
    assert "厚生労働省" in html and "<del>" in html and "<ins>" in html
    assert (
        client.post(f"/review/revisions/{revision.pk}/", {"decision": "approve"}).status_code == 409
    )
    client.force_login(prefectural_admin)
    assert (
        client.post(f"/review/revisions/{revision.pk}/", {"decision": "approve"}).status_code == 302
    )
    owned.refresh_from_db()
    assert owned.kind == "ministry" and owned.name == "厚生労働省"

    # Still no measures: that right comes from the admin-granted agency status alone.
    client.force_login(organisation_member)
    assert client.get("/measures/new/").status_code == 403
    client.force_login(prefectural_admin)
    client.post(f"/directory/{owned.pk}/agency/", {"verified": "1"})
    client.force_login(organisation_member)
    assert client.get("/measures/new/").status_code == 200
    from kyoso.audit.models import AuditEntry

    assert AuditEntry.objects.filter(action="directory.agency_grant").exists()


def test_only_the_platforms_admins_grant_agency_status(
    client, owned, moderator, organisation_member
):
    for user in (organisation_member, moderator):
        client.force_login(user)
        assert client.post(f"/directory/{owned.pk}/agency/", {"verified": "1"}).status_code == 403
    owned.refresh_from_db()
    assert not owned.agency_verified


def test_a_rejected_revision_leaves_the_page_as_it_was(
    client,
    owned,
    organisation_member,
    prefectural_admin,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    client.force_login(organisation_member)
    client.post(f"/directory/{owned.pk}/edit/", org_data(owned, description="宣伝ばかりの紹介文"))
    revision = PendingRevision.objects.get()
    client.force_login(prefectural_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/review/revisions/{revision.pk}/",
            {"decision": "reject", "reason": "宣伝は載せられません"},
        )
    assert response.status_code == 302
    owned.refresh_from_db()
    assert owned.description == "高齢者の見守り活動をしています。"
    assert "宣伝は載せられません" in mailoutbox[-1].body
    client.force_login(organisation_member)
    assert "宣伝は載せられません" in client.get("/accounts/me/").content.decode()


def test_a_second_edit_replaces_the_waiting_one_and_the_form_shows_it(
    client, owned, organisation_member
):
    client.force_login(organisation_member)
    client.post(f"/directory/{owned.pk}/edit/", org_data(owned, description="一回目の変更"))
    html = client.get(f"/directory/{owned.pk}/edit/").content.decode()
    assert "一回目の変更" in html and "審査待ち" in html
    client.post(f"/directory/{owned.pk}/edit/", org_data(owned, description="二回目の変更"))
    assert (
        PendingRevision.objects.filter(state="pending").get().data["description"] == "二回目の変更"
    )
    assert PendingRevision.objects.filter(state="superseded").count() == 1


def make_pending(key: str, submitter, platform):
    """A pending item of each reviewable type (a new type adds a line here)."""
    now = timezone.now()
    if key == "directory.organisation":
        return make_organisation(platform=platform, status=Status.PENDING, submitted_by=submitter)
    if key == "measures.measure":
        return Measure.objects.create(
            platform=platform,
            title="審査待ちの施策",
            agency="厚生労働省",
            kind="grant",
            fiscal_year=2026,
            summary="概要",
            status=Status.PENDING,
            submitted_by=submitter,
            submitted_at=now,
        )
    if key == "news.notice":
        return NoticeFactory(platform=platform, submitted_by=submitter, pending=True)
    if key == "events.event":
        from kyoso.events.models import Event

        return Event.objects.create(
            platform=platform,
            title="審査待ちのイベント",
            title_kana="しんさまちのいべんと",
            description="<p>説明</p>",
            starts_at=now + datetime.timedelta(days=3),
            ends_at=now + datetime.timedelta(days=3, hours=2),
            format="online",
            online_url="https://example.jp/",
            audiences=["anyone"],
            status=Status.PENDING,
            submitted_by=submitter,
            submitted_at=now,
        )
    if key == "cases.case":
        from kyoso.cases.models import Case

        return Case.objects.create(
            platform=platform,
            title="審査待ちの事例",
            summary="概要",
            prefecture_id=platform.prefecture_id or "13",
            issue="課題",
            approach="取組",
            started_year=2024,
            status=Status.PENDING,
            submitted_by=submitter,
            submitted_at=now,
        )
    if key == "videos.video":
        from kyoso.videos.models import Video

        return Video.objects.create(
            platform=platform,
            title="審査待ちの動画",
            source="youtube",
            url="https://youtu.be/aqz-KE-bpKQ",
            status=Status.PENDING,
            submitted_by=submitter,
            submitted_at=now,
        )
    raise AssertionError(f"add a pending {key} to make_pending")


def approval(key: str) -> dict:
    """The approve decision with every item of the type's checklist ticked."""
    return {"decision": "approve", "check": [k for k, _label in registry.get(key).checklist]}


@pytest.mark.parametrize("key", [t.key for t in registry.all_types()])
def test_no_one_approves_their_own_submission(
    client, key, prefectural_admin, national_admin, tokyo
):
    obj = make_pending(key, prefectural_admin, tokyo)
    client.force_login(prefectural_admin)
    response = client.post(f"/review/{key}/{obj.pk}/", approval(key))
    assert response.status_code == 409
    obj.refresh_from_db()
    assert obj.status == Status.PENDING
    # Tokyo has one admin, who submitted it: it is escalated to the national admins.
    client.force_login(national_admin)
    assert "全国の管理者へ回付" in client.get("/review/").content.decode()
    assert client.post(f"/review/{key}/{obj.pk}/", approval(key)).status_code == 302
    obj.refresh_from_db()
    assert obj.status == Status.PUBLISHED


@pytest.mark.parametrize("key", [t.key for t in registry.all_types() if t.revisions])
def test_no_one_accepts_their_own_revision(client, key, national_admin):
    """Even a national admin's own proposal needs another reviewer."""
    national = Platform.objects.national()
    obj = make_pending(key, national_admin, national)
    obj.status = Status.PUBLISHED
    obj.save()
    from django.contrib.contenttypes.models import ContentType

    revision = PendingRevision.objects.create(
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=obj.pk,
        platform=national,
        proposed_by=national_admin,
        data={},
    )
    client.force_login(national_admin)
    assert (
        client.post(f"/review/revisions/{revision.pk}/", {"decision": "approve"}).status_code == 409
    )
    revision.refresh_from_db()
    assert revision.state == "pending"


@pytest.fixture
def agency_member(organisation_member, national):
    org = make_organisation(
        name="厚生労働省 老健局",
        kana="こうせいろうどうしょう",
        kind="ministry",
        scale="national",
        area="nationwide",
        municipalities=(),
        agency_verified=True,
    )
    Membership.objects.create(organisation=org, user=organisation_member, role="member")
    organisation_member.org = org
    return organisation_member


def measure_data(**overrides):
    data = {
        "title": "買い物支援の補助金",
        "agency": "厚生労働省",
        "kind": "grant",
        "fiscal_year": "2026",
        "summary": "移動販売車の導入を補助します。",
        "audiences": ["municipality"],
        "fields": ["shopping"],
    }
    data.update(overrides)
    return data


def test_reviewers_open_a_pending_measures_files_and_strangers_do_not(
    client, agency_member, national, national_admin, resident
):
    client.force_login(agency_member)
    data = measure_data(platform=national.pk, attachment_title="公募要領")
    data["attachment_file"] = SimpleUploadedFile("evil.html", PDF, content_type="text/html")
    assert client.post("/measures/new/", data).status_code == 302
    measure = Measure.objects.get()
    attachment = measure.attachments.get()
    url = attachment.get_absolute_url()
    assert client.get(url).status_code == 200  # the submitter
    client.force_login(national_admin)
    response = client.get(url)
    assert response.status_code == 200
    assert "evil.pdf" in response["Content-Disposition"]  # the extension follows the content
    assert response["Content-Type"] == "application/pdf"
    assert "private" in response["Cache-Control"]
    html = client.get(f"/review/measures.measure/{measure.pk}/").content.decode()
    assert "evil.pdf" in html and "PDF" in html and url in html
    client.force_login(resident)
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 404


def test_a_members_new_attachment_waits_for_review(
    client, agency_member, national, national_admin, resident
):
    measure = Measure.objects.create(
        platform=national,
        title="公開中の施策",
        agency="厚生労働省",
        kind="grant",
        fiscal_year=2026,
        summary="概要",
        audiences=["municipality"],
        organisation=agency_member.org,
        status=Status.PUBLISHED,
        published_at=timezone.now(),
    )
    client.force_login(agency_member)
    data = measure_data(title="公開中の施策（改訂）", attachment_title="新しい要領", base_version=1)
    data["attachment_file"] = SimpleUploadedFile("要領.pdf", PDF, content_type="application/pdf")
    assert client.post(f"/measures/{measure.pk}/edit/", data).status_code == 302
    client.logout()
    page = client.get(measure.get_absolute_url()).content.decode()
    assert "新しい要領" not in page and "（改訂）" not in page
    revision = PendingRevision.objects.get()
    stored = revision.files.get()
    file_url = f"/review/revisions/{revision.pk}/files/{stored.pk}/"
    client.force_login(resident)
    assert client.get(file_url).status_code == 404
    client.force_login(national_admin)
    html = client.get(f"/review/revisions/{revision.pk}/").content.decode()
    assert "要領.pdf" in html and file_url in html
    assert client.get(file_url).status_code == 200
    client.post(f"/review/revisions/{revision.pk}/", {"decision": "approve"})
    measure.refresh_from_db()
    assert measure.title == "公開中の施策（改訂）"
    assert measure.attachments.get().original_name == "要領.pdf"


def test_two_people_editing_at_once_get_a_conflict_not_an_overwrite(
    client, owned, prefectural_admin, national_admin
):
    base = owned.version
    client.force_login(prefectural_admin)
    first = client.post(
        f"/directory/{owned.pk}/edit/",
        org_data(owned, description="一人目の変更", base_version=base),
    )
    assert first.status_code == 302
    client.force_login(national_admin)
    second = client.post(
        f"/directory/{owned.pk}/edit/",
        org_data(owned, public_contact="二人目の連絡先", base_version=base),
    )
    assert second.status_code == 409
    html = second.content.decode()
    assert "ほかの人が保存しました" in html and "一人目の変更" in html
    owned.refresh_from_db()
    assert owned.description == "一人目の変更" and owned.public_contact == ""
    # Saving again after seeing the difference is a deliberate choice.
    again = client.post(
        f"/directory/{owned.pk}/edit/",
        org_data(owned, public_contact="二人目の連絡先", base_version=owned.version),
    )
    assert again.status_code == 302


def test_unlisted_logos_are_private_and_replaced_logos_are_deleted(
    client,
    owned,
    organisation_member,
    resident,
    prefectural_admin,
    tokyo,
    django_capture_on_commit_callbacks,
):
    pending = make_organisation(name="審査中の会", platform=tokyo, status=Status.PENDING)
    Membership.objects.create(organisation=pending, user=organisation_member, role="owner")
    client.force_login(organisation_member)
    data = org_data(pending, base_version=pending.version)
    data["logo_upload"] = SimpleUploadedFile("logo.png", png_bytes(), content_type="image/png")
    assert client.post(f"/directory/{pending.pk}/edit/", data).status_code == 302
    pending.refresh_from_db()
    url = pending.logo.url
    assert len(pending.logo.name) > 30  # a random name, not org-<id>.png
    assert client.get(url).status_code == 200  # the applicant
    client.force_login(prefectural_admin)
    assert client.get(url).status_code == 200  # a reviewer
    client.force_login(resident)
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 404
    assert client.get("/media/logos/" + "a" * 300 + ".png").status_code == 404
    # Replacing the logo deletes the old file.
    old_path = pending.logo.path
    client.force_login(organisation_member)
    data = org_data(pending, base_version=pending.version)
    data["logo_upload"] = SimpleUploadedFile("logo2.png", png_bytes(), content_type="image/png")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/directory/{pending.pk}/edit/", data)
    import os

    assert not os.path.exists(old_path)


def test_invisible_and_direction_characters_are_removed_from_names(
    client, owned, prefectural_admin
):
    client.force_login(prefectural_admin)
    name = "ちよだ\u202e見守り\u200b隊"
    client.post(f"/directory/{owned.pk}/edit/", org_data(owned, name=name))
    owned.refresh_from_db()
    assert owned.name == "ちよだ見守り隊"
