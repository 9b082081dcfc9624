"""Joining: the application form, its validation, review and the applicant's mail."""

import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from kyoso.directory.models import Membership, Organisation, Revision
from kyoso.moderation.models import Status

pytestmark = pytest.mark.django_db


def form_data(platform, **overrides):
    data = {
        "platform": platform.pk,
        "name": "NPO法人ちよだ買い物応援団",
        "name_kana": "ちよだかいものおうえんだん",
        "kind": "npo",
        "fields": ["shopping", "mobility"],
        "area_kind": "municipalities",
        "area_municipalities": ["131016", "131024"],
        "description": "千代田区で高齢者の買い物に付き添っています。",
        "homepage": "https://example.jp/",
        "homepage_consent": "on",
        "video_url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "public_contact": "info@example.jp",
        "private_contact": "担当 山田 03-0000-0000",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def png_bytes(size=(64, 64)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "blue").save(out, format="PNG")
    return out.getvalue()


def test_applying_puts_the_organisation_in_review(client, organisation_member, tokyo):
    client.force_login(organisation_member)
    data = form_data(tokyo)
    data["logo_upload"] = SimpleUploadedFile("logo.png", png_bytes(), content_type="image/png")
    response = client.post("/directory/apply/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    org = Organisation.objects.get(name="NPO法人ちよだ買い物応援団")
    assert org.status == Status.PENDING
    assert org.platform == tokyo
    assert sorted(org.region_keys.values_list("key", flat=True)) == ["IN13", "M131016", "M131024"]
    assert Membership.objects.get(organisation=org).role == "owner"
    assert org.scale == Organisation.Scale.MUNICIPALITY  # follows the area, never asked
    assert Revision.objects.filter(organisation=org).count() == 1
    assert org.logo.name.endswith(".png")
    assert client.get(org.get_absolute_url()).status_code == 404  # not public yet


def test_admin_approves_and_the_applicant_is_mailed(
    client, organisation_member, prefectural_admin, tokyo, django_capture_on_commit_callbacks
):
    client.force_login(organisation_member)
    client.post("/directory/apply/", form_data(tokyo))
    org = Organisation.objects.get()
    client.force_login(prefectural_admin)
    queue = client.get("/review/").content.decode()
    assert "NPO法人ちよだ買い物応援団" in queue
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/review/directory.organisation/{org.pk}/", {"decision": "approve"})
    assert mail.outbox[-1].to == [organisation_member.email]
    assert "公開されました" in mail.outbox[-1].subject
    found = client.get("/directory/", {"muni": "131016"}).content.decode()
    assert "NPO法人ちよだ買い物応援団" in found
    assert (
        "NPO法人ちよだ買い物応援団" in client.get("/directory/", {"q": "買い物"}).content.decode()
    )


def test_every_error_is_shown_next_to_its_field_and_input_is_kept(
    client, organisation_member, tokyo
):
    client.force_login(organisation_member)
    data = form_data(
        tokyo,
        name="",
        name_kana="Kanji漢字",
        fields=None,
        homepage="not a url",
        video_url="https://example.com/video",
        area_municipalities=["131016", "999999"],
        private_contact="",
    )
    response = client.post("/directory/apply/", data)
    html = response.content.decode()
    assert response.status_code == 422
    for field_id in (
        "name",
        "name_kana",
        "fields",
        "homepage",
        "video_url",
        "area_municipalities",
        "private_contact",
    ):
        assert f'id="id_{field_id}_error"' in html, field_id
    assert "選んだ市区町村が見つかりません" in html
    assert "千代田区で高齢者の買い物に付き添っています。" in html  # typed text kept
    assert not Organisation.objects.exists()


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"%PDF-1.4 not an image", "logo.png", "画像"),
        (b"", "logo.png", "空"),
        (b"GIF89a" + b"x" * (2 * 1024 * 1024 + 10), "logo.gif", "2MB"),
    ],
)
def test_bad_logo_uploads_are_refused(client, organisation_member, tokyo, content, name, message):
    client.force_login(organisation_member)
    data = form_data(tokyo)
    data["logo_upload"] = SimpleUploadedFile(name, content, content_type="image/png")
    response = client.post("/directory/apply/", data)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not Organisation.objects.exists()


def test_prefecture_area_needs_a_prefecture(client, organisation_member, tokyo):
    client.force_login(organisation_member)
    response = client.post("/directory/apply/", form_data(tokyo, area_kind="prefectures"))
    assert response.status_code == 422
    assert "都道府県を1つ以上" in response.content.decode()


def test_apply_needs_login(client):
    response = client.get("/directory/apply/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_duplicate_names_are_flagged_to_the_reviewer(
    client, organisation_member, national_admin, tokyo
):
    from kyoso.testing.factories import make_organisation

    make_organisation(name="NPO法人ちよだ買い物応援団", kana="ちよだかいものおうえんだん")
    client.force_login(organisation_member)
    client.post("/directory/apply/", form_data(tokyo))
    pending = Organisation.objects.get(status=Status.PENDING)
    client.force_login(national_admin)
    html = client.get(f"/review/directory.organisation/{pending.pk}/").content.decode()
    assert "似た名前の団体がすでにあります" in html


def test_the_logo_is_served_without_debug(client, organisation_member, tokyo, settings):
    client.force_login(organisation_member)
    data = form_data(tokyo)
    data["logo_upload"] = SimpleUploadedFile("logo.png", png_bytes(), content_type="image/png")
    client.post("/directory/apply/", data)
    org = Organisation.objects.get()
    response = client.get(org.logo.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert client.get("/media/measures/anything").status_code == 404


def test_radio_buttons_start_unselected_without_an_empty_option(client, organisation_member):
    client.force_login(organisation_member)
    html = client.get("/directory/apply/").content.decode()
    assert 'name="area_kind" value=""' not in html
    assert 'name="area_kind" value="nationwide" required id="id_area_kind_0" checked' not in html
    assert 'name="scale"' not in html  # 活動の規模 follows 活動地域: asked once


def test_follow_ups_come_right_after_the_area_and_say_when_required(client, organisation_member):
    client.force_login(organisation_member)
    html = client.get("/directory/apply/").content.decode()
    order = [
        html.index('id="id_area_kind_group"'),
        html.index('id="id_area_prefectures_group"'),
        html.index('id="id_area_municipalities_group"'),
        html.index('id="id_description_group"'),
        html.index('id="id_private_contact_group"'),
    ]
    assert order == sorted(order)
    assert 'data-shown-when="area_kind" data-shown-value="municipalities"' in html
    assert "※「市区町村を選ぶ」のとき必須" in html and "※「都道府県を選ぶ」のとき必須" in html
    assert "地方公共団体コード" not in html


def test_the_picker_works_without_javascript(client, organisation_member, tokyo):
    """Prefecture → its municipalities → add, by the picker's own buttons: each step keeps what
    was typed, shows no error and saves nothing; then the form is sent with the chosen ones."""
    client.force_login(organisation_member)
    data = form_data(tokyo, area_municipalities=None, name="")
    step = client.post(
        "/directory/apply/",
        {**data, "area_municipalities_pref": "13", "_picker": "area_municipalities"},
    )
    html = step.content.decode()
    assert step.status_code == 200 and "入力内容に" not in html
    assert '<option value="131016">千代田区</option>' in html  # the prefecture's list, kana order
    assert html.index(">中央区<") < html.index(">港区<")  # みなとく after ちゅうおうく
    assert "千代田区で高齢者の買い物に付き添っています。" in html
    step = client.post(
        "/directory/apply/",
        {
            **data,
            "area_municipalities_pref": "13",
            "area_municipalities_add": "131016",
            "_picker": "area_municipalities",
        },
    )
    html = step.content.decode()
    assert 'name="area_municipalities" value="131016" checked' in html
    assert not Organisation.objects.exists()
    # A municipality of another prefecture cannot be slipped in through the step.
    step = client.post(
        "/directory/apply/",
        {
            **data,
            "area_municipalities": ["131016"],
            "area_municipalities_pref": "13",
            "area_municipalities_add": "342084",
            "_picker": "area_municipalities",
        },
    )
    assert 'value="342084" checked' not in step.content.decode()
    response = client.post(
        "/directory/apply/", form_data(tokyo, area_municipalities=["131016", "342084"])
    )
    assert response.status_code == 302
    org = Organisation.objects.get()
    assert sorted(org.area_municipalities.values_list("lg_code", flat=True)) == [
        "131016",
        "342084",
    ]


def test_municipalities_are_required_only_when_chosen_as_the_area(
    client, organisation_member, tokyo
):
    client.force_login(organisation_member)
    response = client.post("/directory/apply/", form_data(tokyo, area_municipalities=None))
    assert response.status_code == 422
    assert 'id="id_area_municipalities_error"' in response.content.decode()
    response = client.post(
        "/directory/apply/",
        form_data(tokyo, area_kind="nationwide", area_municipalities=None),
    )
    assert response.status_code == 302
    assert Organisation.objects.get().scale == Organisation.Scale.NATIONAL
