"""Measures: who registers them, what uploads are accepted, finding open calls, feed, export."""

import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from kyoso.directory.models import Membership
from kyoso.measures.models import Measure
from kyoso.moderation.models import PendingRevision, Status
from kyoso.testing.factories import make_organisation

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%minimal\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def docx_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


@pytest.fixture
def ministry_member(organisation_member, national):
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


def form_data(platform, **overrides):
    today = timezone.localdate()
    data = {
        "platform": platform.pk,
        "title": "買い物支援の補助金",
        "agency": "厚生労働省",
        "bureau": "老健局",
        "kind": "grant",
        "fiscal_year": "2026",
        "budget_amount": "350000000",
        "summary": "移動販売車の導入を補助します。",
        "body": "<h2>対象</h2><p>市町村</p><script>alert(1)</script><a href='javascript:x'>x</a>",
        "audiences": ["municipality", "organisation"],
        "fields": ["shopping"],
        "call_start": (today - datetime.timedelta(days=1)).isoformat(),
        "call_end": (today + datetime.timedelta(days=30)).isoformat(),
        "attachment_title": "公募要領",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_agency_member_registers_a_measure_with_a_pdf(client, ministry_member, national):
    client.force_login(ministry_member)
    data = form_data(national)
    data["attachment_file"] = SimpleUploadedFile(
        "公募要領.pdf", PDF, content_type="application/pdf"
    )
    response = client.post("/measures/new/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    measure = Measure.objects.get()
    assert measure.status == Status.PENDING
    assert measure.organisation == ministry_member.org
    assert "<script>" not in measure.body and "javascript:" not in measure.body
    attachment = measure.attachments.get()
    assert attachment.original_name == "公募要領.pdf" and attachment.format == "pdf"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("fake.pdf", b"MZ\x90\x00 this is an exe renamed", "PDF・Word・Excel・PowerPoint"),
        ("empty.pdf", b"", "空"),
        ("zip.docx", b"PK\x03\x04not really a zip", "PDF・Word・Excel・PowerPoint"),
    ],
)
def test_bad_uploads_are_refused_with_a_message(
    client, ministry_member, national, name, content, message
):
    client.force_login(ministry_member)
    data = form_data(national)
    data["attachment_file"] = SimpleUploadedFile(name, content)
    response = client.post("/measures/new/", data)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not Measure.objects.exists()


def test_too_large_upload_is_refused(client, ministry_member, national, monkeypatch):
    from kyoso.measures import files

    monkeypatch.setattr(files, "MAX_ATTACHMENT_BYTES", 10)
    client.force_login(ministry_member)
    data = form_data(national)
    data["attachment_file"] = SimpleUploadedFile("big.pdf", PDF)
    response = client.post("/measures/new/", data)
    assert response.status_code == 422 and "20MB" in response.content.decode()


def test_word_files_are_recognised_by_content(client, ministry_member, national):
    client.force_login(ministry_member)
    data = form_data(national)
    data["attachment_file"] = SimpleUploadedFile("様式.docx", docx_bytes())
    assert client.post("/measures/new/", data).status_code == 302
    assert Measure.objects.get().attachments.get().format == "word"


def test_dates_and_years_are_validated(client, ministry_member, national):
    client.force_login(ministry_member)
    response = client.post(
        "/measures/new/",
        form_data(national, fiscal_year="令和7", call_start="2026-05-01", call_end="2026-04-01"),
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert "年度は西暦の数字で入力してください" in html
    assert "受付終了日は受付開始日より後" in html


@pytest.mark.parametrize("persona", ["resident", "coordinator", "organisation_member"])
def test_people_outside_agencies_cannot_register(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get("/measures/new/").status_code == 403


def published(**extra):
    measure = Measure.objects.create(
        platform=extra.pop("platform"),
        title=extra.pop("title"),
        agency=extra.pop("agency", "厚生労働省"),
        kind=extra.pop("kind", "grant"),
        fiscal_year=extra.pop("fiscal_year", 2026),
        summary="概要",
        audiences=extra.pop("audiences", ["municipality"]),
        status=Status.PUBLISHED,
        published_at=timezone.now(),
        **extra,
    )
    return measure


def test_finding_open_calls_by_field_and_audience(client, national):
    from kyoso.regions.models import Field

    today = timezone.localdate()
    open_call = published(
        platform=national, title="受付中の補助金", call_end=today + datetime.timedelta(days=5)
    )
    open_call.fields.set(Field.objects.filter(slug="shopping"))
    closed = published(
        platform=national, title="締切済みの補助金", call_end=today - datetime.timedelta(days=1)
    )
    closed.fields.set(Field.objects.filter(slug="shopping"))
    other = published(
        platform=national,
        title="住民向けの施策",
        audiences=["resident"],
        call_end=today + datetime.timedelta(days=5),
    )
    other.fields.set(Field.objects.filter(slug="shopping"))
    html = client.get(
        "/measures/", {"field": "shopping", "for": "municipality", "open": "1"}
    ).content.decode()
    assert "受付中の補助金" in html
    assert "締切済みの補助金" not in html and "住民向けの施策" not in html
    assert "あと5日" in html


def test_detail_shows_sizes_era_and_amounts(client, national):
    from django.core.files.base import ContentFile

    from kyoso.measures.models import Attachment

    measure = published(
        platform=national, title="予算事業", budget_amount=1_234_000_000, fiscal_year=2025
    )
    a = Attachment(
        measure=measure, title="概要", original_name="概要.pdf", format="pdf", size=1_258_291
    )
    a.file.save("x", ContentFile(PDF), save=False)
    a.save()
    html = client.get(measure.get_absolute_url()).content.decode()
    assert "令和7年度" in html and "2025年度" in html
    assert "12億3,400万円" in html
    assert "PDF 1.2MB" in html
    download = client.get(a.get_absolute_url())
    assert download["Content-Type"] == "application/pdf"
    assert "filename*=UTF-8''%E6%A6%82%E8%A6%81.pdf" in download["Content-Disposition"]


def test_pending_measures_and_their_files_are_hidden(client, national):
    measure = published(platform=national, title="審査中")
    Measure.objects.filter(pk=measure.pk).update(status=Status.PENDING)
    assert client.get(measure.get_absolute_url()).status_code == 404
    assert "審査中" not in client.get("/measures/").content.decode()


def test_update_keeps_a_revision_history(client, ministry_member, national, national_admin):
    measure = published(platform=national, title="改訂される施策", organisation=ministry_member.org)
    measure.fields.set([])
    client.force_login(ministry_member)
    data = form_data(
        national, title="改訂された施策", revision_note="受付期間を延長", attachment_title=None
    )
    data.pop("platform")
    assert client.post(f"/measures/{measure.pk}/edit/", data).status_code == 302
    assert "改訂された施策" not in client.get(measure.get_absolute_url()).content.decode()
    client.force_login(national_admin)
    revision = PendingRevision.objects.get()
    client.post(f"/review/revisions/{revision.pk}/", {"decision": "approve"})
    html = client.get(measure.get_absolute_url()).content.decode()
    assert "改訂された施策" in html and "受付期間を延長" in html


def test_admin_marks_a_measure_as_needing_an_update(client, national_admin, national):
    measure = published(platform=national, title="古い施策")
    client.force_login(national_admin)
    assert client.post(f"/measures/{measure.pk}/flag/", {"note": ""}).status_code == 422
    client.post(f"/measures/{measure.pk}/flag/", {"note": "令和8年度の予算額に更新してください。"})
    html = client.get(measure.get_absolute_url()).content.decode()
    assert "この情報は更新が必要です" in html and "令和8年度の予算額" in html


def test_feed_and_exports_follow_the_filters(client, national):
    published(platform=national, title="補助金A", kind="grant")
    published(platform=national, title="マニュアルB", kind="manual")
    feed = client.get("/measures/feed/", {"kind": "grant"}).content.decode()
    assert "補助金A" in feed and "マニュアルB" not in feed
    data = client.get("/measures/export.json").json()
    assert data["license"] == "CC BY 4.0" and {i["title"] for i in data["items"]} == {
        "補助金A",
        "マニュアルB",
    }
    csv_body = b"".join(client.get("/measures/export.csv").streaming_content)
    assert "マニュアルB" in csv_body.decode("utf-8-sig")


@pytest.mark.parametrize(
    "params",
    [{"fy": "abc"}, {"for": "king"}, {"kind": "x"}, {"sort": "?"}, {"page": "-1"}, {"q": '"'}],
)
def test_bad_filters_are_ignored(client, national, params):
    published(platform=national, title="施策")
    assert client.get("/measures/", params).status_code == 200


def test_yen_filter():
    from kyoso.core.templatetags.kyoso import yen

    assert yen(1_234_000_000) == "12億3,400万円"
    assert yen(50_000_000) == "5,000万円"
    assert yen(9_800) == "9,800円"
    assert yen(100_005_000) == "1億円（100,005,000円）"


def test_relevance_order_puts_title_matches_first(client, national):
    from kyoso.search.engine import index_object

    body_only = published(
        platform=national, title="地域づくりの手引き", body="<p>見守りの事例もあります。</p>"
    )
    title_match = published(platform=national, title="見守り活動の補助金")
    for m in (body_only, title_match):
        index_object(m)
    html = client.get("/measures/", {"q": "見守り"}).content.decode()
    assert html.index("見守り活動の補助金") < html.index("地域づくりの手引き")


def test_flagging_mails_the_registrant(
    client, national_admin, national, resident, django_capture_on_commit_callbacks
):
    from django.core import mail

    measure = published(platform=national, title="古い施策", submitted_by=resident)
    client.force_login(national_admin)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/measures/{measure.pk}/flag/", {"note": "予算額を更新してください。"})
    assert mail.outbox[-1].to == [resident.email]
    assert "予算額を更新してください。" in mail.outbox[-1].body


def test_only_admins_may_feature_a_measure(client, ministry_member, national_admin, national):
    client.force_login(ministry_member)
    assert 'name="is_featured"' not in client.get("/measures/new/").content.decode()
    client.post("/measures/new/", form_data(national, is_featured="on", attachment_title=None))
    assert Measure.objects.get().is_featured is False
    client.force_login(national_admin)
    assert 'name="is_featured"' in client.get("/measures/new/").content.decode()
