"""Cases: who submits them, the form's rules, the editor's checklist, reviewed edits, finding
(facets that equal their clicks), the analysis figures with the prefecture map, and the links
from organisation and measure pages."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from kyoso.accounts.models import Verification
from kyoso.cases.models import Case
from kyoso.directory.models import Membership
from kyoso.measures.models import Measure
from kyoso.moderation.models import PendingRevision, Status
from kyoso.testing.factories import UserFactory, make_organisation

pytestmark = pytest.mark.django_db


def verified(email="coord@example.jp", muni="131016"):
    user = UserFactory(email=email, persona="coordinator")
    Verification.objects.create(
        user=user,
        role="coordinator",
        layer="2",
        municipality_id=muni,
        area_name="中央地区",
        status=Verification.Status.APPROVED,
        decided_at=timezone.now(),
    )
    return user


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "green").save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def world(db, national):
    store = make_organisation(
        name="株式会社みらいストア", kana="みらいすとあ", kind="company", fields=("shopping",)
    )
    shakyo = make_organisation(
        name="千代田区社会福祉協議会", kana="ちよだくしゃかいふくしきょうぎかい", kind="npo"
    )
    measure = Measure.objects.create(
        platform=national,
        title="買い物困難地域の移動販売支援補助金",
        agency="厚生労働省",
        kind="grant",
        fiscal_year=2026,
        summary="移動販売車の導入を補助します。",
        status=Status.PUBLISHED,
        published_at=timezone.now(),
    )
    return store, shakyo, measure


def case_data(measure, **overrides):
    data = {
        "title": "移動販売車と社協の見守り",
        "title_kana": "いどうはんばいしゃとしゃきょうのみまもり",
        "summary": "スーパーの移動販売車が週2回、団地を回ります。",
        "prefecture": "13",
        "municipality": "131016",
        "fields": ["shopping", "watching-over"],
        "started_year": "2021",
        "issue": "近くのスーパーが閉店し、買い物に困る高齢者が増えた。",
        "approach": "スーパーが移動販売車を走らせ、社協が停留所を決めて見守りも行う。",
        "measures": [str(measure.pk)],
        "actor-0-role": "company",
        "actor-0-organisation_name": "株式会社みらいストア",
        "actor-0-part": "移動販売車の運行",
        "actor-1-role": "shakyo",
        "actor-1-name": "千代田区社協",
        "actor-1-organisation_name": "千代田区社会福祉協議会",
        "actor-1-part": "停留所の調整と見守り",
        "actor-2-role": "government",
        "actor-2-name": "千代田区 高齢介護課",
        "outcome-0-label": "利用者数",
        "outcome-0-value": "1200",
        "outcome-0-unit": "人／年",
        "outcome-0-source": "事業者の販売記録",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def streamed(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8-sig")


def publish(client, reviewer, case):
    client.force_login(reviewer)
    return client.post(
        f"/review/cases.case/{case.pk}/",
        {"decision": "approve", "check": ["personal", "numbers", "photos"]},
    )


def test_a_coordinator_submits_a_case_naming_two_organisations_and_a_measure(client, world):
    store, shakyo, measure = world
    client.force_login(verified())
    data = case_data(measure)
    data["photo_upload"] = SimpleUploadedFile("p.jpg", png(), content_type="image/png")
    data["photo_alt"] = "移動販売車で野菜を選ぶ住民"
    response = client.post("/cases/new/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    case = Case.objects.get()
    assert case.status == Status.PENDING and case.platform.slug == "tokyo"
    assert [(a.role, a.organisation) for a in case.actors.all()] == [
        ("company", store),
        ("shakyo", shakyo),
        ("government", None),
    ]
    assert case.actors.first().name == "株式会社みらいストア"  # the listed name fills in
    assert list(case.measures.all()) == [measure]
    assert case.outcomes.get().display_value == "1,200人／年"
    photo = case.photos.get()
    assert photo.alt == "移動販売車で野菜を選ぶ住民"
    assert Image.open(photo.image).format == "PNG"


def test_residents_cannot_submit_and_a_member_of_a_listed_organisation_can(client, world):
    client.force_login(UserFactory(persona="resident"))
    assert client.get("/cases/new/").status_code == 403
    member = UserFactory(email="m@example.jp")
    Membership.objects.create(organisation=world[0], user=member, role="member")
    client.force_login(member)
    assert client.get("/cases/new/").status_code == 200


def test_form_errors_are_next_to_the_field_and_keep_what_was_typed(client, world):
    measure = world[2]
    client.force_login(verified())
    response = client.post(
        "/cases/new/",
        case_data(
            measure,
            **{
                "actor-0-organisation_name": "みらい",
                "outcome-0-source": "",
                "photo_upload": SimpleUploadedFile("x.png", b"not an image"),
            },
        ),
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert "賛同団体の正式名称を入力してください。候補：株式会社みらいストア" in page
    assert "数値の出典を入力してください" in page
    assert "画像として読み込めないファイルです" in page
    assert "スーパーが移動販売車を走らせ" in page  # what was typed is still there
    assert not Case.objects.exists()


def test_a_case_without_any_actor_is_refused(client, world):
    client.force_login(verified())
    empty = {
        f"actor-{i}-{k}": ""
        for i in range(3)
        for k in ("role", "name", "organisation_name", "part")
    }
    response = client.post("/cases/new/", case_data(world[2], **empty))
    assert response.status_code == 422
    assert "関わった主体を1つ以上入力してください" in response.content.decode()


def test_publishing_needs_the_editors_checklist_and_another_person(
    client, world, prefectural_admin, national_admin
):
    client.force_login(prefectural_admin)
    assert client.post("/cases/new/", case_data(world[2])).status_code == 302
    case = Case.objects.get()
    # The submitter cannot publish their own case.
    client.post(
        f"/review/cases.case/{case.pk}/",
        {"decision": "approve", "check": ["personal", "numbers", "photos"]},
    )
    case.refresh_from_db()
    assert case.status == Status.PENDING
    client.force_login(national_admin)
    page = client.get(f"/review/cases.case/{case.pk}/").content.decode()
    assert "個人が特定される情報" in page and "出典が書かれている" in page
    response = client.post(
        f"/review/cases.case/{case.pk}/", {"decision": "approve", "check": ["personal"]}
    )
    assert response.status_code == 422
    assert "確認項目をすべて確かめて" in response.content.decode()
    case.refresh_from_db()
    assert case.status == Status.PENDING
    assert publish(client, national_admin, case).status_code == 302
    case.refresh_from_db()
    assert case.status == Status.PUBLISHED
    assert case.checklist == ["numbers", "personal", "photos"]


def test_a_published_case_shows_everywhere_it_should(
    client, world, national_admin, django_capture_on_commit_callbacks
):
    store, shakyo, measure = world
    client.force_login(verified())
    client.post("/cases/new/", case_data(measure))
    case = Case.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        publish(client, national_admin, case)
    client.logout()
    detail = client.get(case.get_absolute_url()).content.decode()
    assert "生活支援共創プラットフォーム 共創事例 No." in detail  # the citation line
    assert store.get_absolute_url() in detail
    for org in (store, shakyo):
        assert case.title in client.get(org.get_absolute_url()).content.decode()
    assert case.title in client.get(measure.get_absolute_url()).content.decode()
    assert case.title in client.get("/cases/?q=移動販売").content.decode()
    assert case.title in client.get("/p/tokyo/cases/").content.decode()
    assert case.title not in client.get("/p/osaka/cases/").content.decode()
    analysis = client.get("/cases/analysis/").content.decode()
    assert analysis.count("<path ") == 47
    assert "<title>東京都：1件</title>" in analysis
    assert "<title>大阪府：0件</title>" in analysis
    csv = streamed(client.get("/cases/analysis/prefectures.csv"))
    assert "東京都,1" in csv and "大阪府,0" in csv
    combos = streamed(client.get("/cases/analysis/combinations.csv"))
    assert "行政 + 民間企業 + 社会福祉協議会,1" in combos
    exported = streamed(client.get("/cases/export.csv"))
    assert case.title in exported and "利用者数 1,200人／年（事業者の販売記録）" in exported


def _published(national, title, pref, muni, roles, fields=("shopping",)):
    from kyoso.cases.models import Actor
    from kyoso.platforms.models import Platform

    case = Case.objects.create(
        platform=Platform.objects.get(prefecture_id=pref),
        title=title,
        summary=title,
        prefecture_id=pref,
        municipality_id=muni,
        issue="課題",
        approach="取組",
        started_year=2020,
        status=Status.PUBLISHED,
        published_at=timezone.now(),
    )
    from kyoso.regions.models import Field

    case.fields.set(Field.objects.filter(slug__in=fields))
    for role in roles:
        Actor.objects.create(case=case, role=role, name=role)
    from kyoso.search.engine import index_object

    index_object(case)
    return case


def test_facet_counts_equal_what_a_click_lists(client, national):
    _published(national, "横浜の居場所", "14", "141003", ["residents", "university"])
    _published(national, "川崎の買い物", "14", "141305", ["company", "shakyo"])
    _published(national, "千代田の見守り", "13", "131016", ["company"], ("watching-over",))
    page = client.get("/cases/?pref=14").content.decode()
    assert "民間企業（1）" in page and "大学・研究機関（1）" in page
    listed = client.get("/cases/?pref=14&actor=company").content.decode()
    assert "川崎の買い物" in listed and "横浜の居場所" not in listed
    assert ">1件<" in listed
    # A designated city finds the cases in its wards; a ward only its own.
    yokohama = client.get("/cases/?muni=141003").content.decode()
    assert "横浜の居場所" in yokohama and "川崎の買い物" not in yokohama
    both = client.get("/cases/?actor=company&actor=shakyo").content.decode()
    assert "川崎の買い物" in both and "千代田の見守り" not in both


def test_a_members_edit_of_a_published_case_waits_for_review(client, world, national_admin):
    member = UserFactory(email="member@example.jp")
    Membership.objects.create(organisation=world[0], user=member, role="member")
    client.force_login(member)
    client.post("/cases/new/", case_data(world[2], organisation=str(world[0].pk)))
    case = Case.objects.get()
    assert case.organisation == world[0]
    publish(client, national_admin, case)
    client.force_login(member)
    form = client.get(f"/cases/{case.pk}/edit/")
    assert form.status_code == 200
    data = case_data(
        world[2],
        title="移動販売車と社協の見守り（拡大）",
        base_version=str(Case.objects.get().version),
        **{"actor-3-role": "residents", "actor-3-name": "団地自治会"},
    )
    response = client.post(f"/cases/{case.pk}/edit/", data)
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.title == "移動販売車と社協の見守り" and case.actors.count() == 3
    revision = PendingRevision.objects.get()
    assert set(revision.data) == {"title", "actors"}
    client.force_login(national_admin)
    client.post(f"/review/revisions/{revision.pk}/", {"decision": "approve"})
    case.refresh_from_db()
    assert case.title.endswith("（拡大）")
    assert [a.name for a in case.actors.all()][-1] == "団地自治会"


def test_similar_cases_are_shown_and_never_the_case_itself(client, national):
    a = _published(national, "移動販売車による買い物支援", "14", "141003", ["company"])
    b = _published(national, "移動販売車と見守り", "13", "131016", ["company"])
    page = client.get(a.get_absolute_url()).content.decode()
    section = page.split("この事例に近い事例")[1]
    assert b.title in section and a.title not in section
