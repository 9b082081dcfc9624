"""A prefecture's admins run their platform from their own pages, and only their own; the
dashboards count what the rows say, with a bounded number of queries and a CSV."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from kyoso.audit.models import AuditEntry
from kyoso.cases.models import Case
from kyoso.moderation.models import Status
from kyoso.platforms.models import Part, Platform, PlatformRole
from kyoso.testing.factories import UserFactory, grant

pytestmark = pytest.mark.django_db


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (60, 30), "navy").save(out, format="PNG")
    return out.getvalue()


def test_a_prefectural_admin_runs_their_platform_end_to_end(client, prefectural_admin, tokyo):
    client.force_login(prefectural_admin)
    assert client.get("/p/tokyo/manage/").status_code == 200
    # 運用中: a confirmation first, then the change (with its start date), audited.
    assert (
        "運用を始めます。よろしいですか。" in client.get("/p/tokyo/manage/status/").content.decode()
    )
    assert client.post("/p/tokyo/manage/status/").status_code == 302
    tokyo.refresh_from_db()
    assert tokyo.is_active and tokyo.launched_on == timezone.localdate()
    assert AuditEntry.objects.filter(action="platform.activate", platform=tokyo).exists()
    response = client.post(
        "/p/tokyo/manage/",
        {
            "form": "settings",
            "description": "東京都と都内の団体でつくるプラットフォームです。",
            "contact": "東京都 福祉局 地域福祉課 03-0000-0000",
            "logo_upload": SimpleUploadedFile("logo.png", png(), content_type="image/png"),
        },
    )
    assert response.status_code == 302
    client.post("/p/tokyo/manage/", {"form": "part", "kind": "department", "name": "東京都福祉局"})
    client.post(
        "/p/tokyo/manage/",
        {
            "form": "part",
            "kind": "organisation",
            "name": "東京都社会福祉協議会",
            "url": "https://example.jp/",
        },
    )
    home = client.get("/p/tokyo/").content.decode()
    assert "東京都と都内の団体でつくる" in home and "03-0000-0000" in home
    assert "東京都福祉局" in home and "東京都社会福祉協議会" in home
    assert "/p/tokyo/logo.png" in home
    assert client.get("/p/tokyo/logo.png")["Content-Type"] == "image/png"
    part = Part.objects.get(name="東京都福祉局")
    assert (
        "外します。よろしいですか"
        in client.get(f"/p/tokyo/manage/parts/{part.pk}/delete/").content.decode()
    )
    client.post(f"/p/tokyo/manage/parts/{part.pk}/delete/")
    assert not Part.objects.filter(pk=part.pk).exists()
    # Moderators for Tokyo only; never an admin (that is the national admins' call).
    colleague = UserFactory(email="tokyo-mod@example.jp")
    response = client.post("/p/tokyo/manage/roles/", {"email": colleague.email, "role": "admin"})
    assert response.status_code == 422
    client.post("/p/tokyo/manage/roles/", {"email": colleague.email, "role": "moderator"})
    appointed = PlatformRole.objects.get(user=colleague)
    assert appointed.platform == tokyo and appointed.role == "moderator"
    own = PlatformRole.objects.get(user=prefectural_admin)
    assert client.get(f"/p/tokyo/manage/roles/{own.pk}/revoke/").status_code == 403
    client.post(f"/p/tokyo/manage/roles/{appointed.pk}/revoke/")
    assert not PlatformRole.objects.filter(pk=appointed.pk).exists()
    bad = client.post(
        "/p/tokyo/manage/", {"form": "settings", "logo_upload": SimpleUploadedFile("x.png", b"no")}
    )
    assert bad.status_code == 422 and "画像として読み込めないファイルです" in bad.content.decode()


def test_a_prefectural_admin_is_refused_in_every_other_prefecture(client, prefectural_admin):
    client.force_login(prefectural_admin)
    osaka_role = grant(
        UserFactory(email="o@example.jp"), Platform.objects.get(slug="osaka"), "moderator"
    )
    role = PlatformRole.objects.get(user=osaka_role)
    for platform in Platform.objects.exclude(prefecture=None).exclude(slug="tokyo"):
        slug, was = platform.slug, platform.is_active
        for path in (
            f"/p/{slug}/manage/",
            f"/p/{slug}/manage/status/",
            f"/p/{slug}/manage/roles/",
            f"/p/{slug}/dashboard/",
            f"/p/{slug}/dashboard/export.csv",
        ):
            assert client.get(path).status_code == 403, path
        assert client.post(f"/p/{slug}/manage/status/").status_code == 403
        assert client.post(f"/p/{slug}/manage/roles/", {"email": "x@example.jp"}).status_code == 403
        platform.refresh_from_db()
        assert platform.is_active == was
    assert client.post(f"/p/osaka/manage/roles/{role.pk}/revoke/").status_code == 403
    assert client.post(f"/p/tokyo/manage/roles/{role.pk}/revoke/").status_code == 404
    assert PlatformRole.objects.filter(pk=role.pk).exists()
    assert client.get("/dashboard/").status_code == 403


def _case(pref: str, muni: str | None = None):
    return Case.objects.create(
        platform=Platform.objects.get(prefecture_id=pref),
        title="事例",
        summary="s",
        prefecture_id=pref,
        municipality_id=muni,
        issue="i",
        approach="a",
        started_year=2020,
        status=Status.PUBLISHED,
        published_at=timezone.now(),
    )


def test_dashboards_count_the_rows_with_a_bounded_number_of_queries(
    client, national_admin, prefectural_admin, django_assert_max_num_queries
):
    client.force_login(national_admin)
    for pref in ("01", "13", "13", "47"):
        _case(pref)
    client.get("/dashboard/")
    with django_assert_max_num_queries(30) as few:
        first = client.get("/dashboard/").content.decode()
    for pref in [f"{n:02d}" for n in range(1, 48)] * 3:
        _case(pref, None)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get("/dashboard/?figure=cases").content.decode()
    assert "<title>東京都：2</title>" in first
    assert "<title>東京都：5</title>" in page and "<title>沖縄県：4</title>" in page
    assert page.count("<path ") == 47
    csv = b"".join(client.get("/dashboard/export.csv").streaming_content).decode("utf-8-sig")
    header = csv.splitlines()[0].split(",")
    tokyo = next(line for line in csv.splitlines() if line.startswith("13,")).split(",")
    assert tokyo[header.index("cases")] == str(Case.objects.filter(prefecture_id="13").count())
    # A prefecture's admins: their municipalities.
    _case("13", "131016")
    _case("13", "131016")
    client.force_login(prefectural_admin)
    page = client.get("/p/tokyo/dashboard/").content.decode()
    assert "千代田区" in page
    muni_csv = b"".join(client.get("/p/tokyo/dashboard/export.csv").streaming_content).decode(
        "utf-8-sig"
    )
    header = muni_csv.splitlines()[0].split(",")
    chiyoda = next(line for line in muni_csv.splitlines() if line.startswith("131016,")).split(",")
    assert chiyoda[header.index("cases")] == "2"
