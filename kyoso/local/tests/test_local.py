"""Local issues and co-creation matching: the matcher's table of who must and must not be
suggested, posting and answering with notifications, the poster's decisions, a meeting record's
privacy, turning an issue or a meeting into a case, and the coordinators' directory."""

import datetime

import pytest
from django.utils import timezone

from kyoso.accounts.models import Verification
from kyoso.cases.models import Case
from kyoso.directory.models import Membership
from kyoso.local import matching
from kyoso.local.models import Answer, LocalIssue, Meeting
from kyoso.measures.models import Measure
from kyoso.moderation.models import Status
from kyoso.notifications.models import Notification
from kyoso.platforms.models import Platform
from kyoso.regions.models import Field
from kyoso.testing.factories import UserFactory, make_organisation

pytestmark = pytest.mark.django_db


def verified(email="coord@example.jp", muni="131016", role="coordinator"):
    user = UserFactory(email=email, persona="coordinator")
    Verification.objects.create(
        user=user,
        role=role,
        layer="2" if role == "coordinator" else "",
        municipality_id=muni,
        area_name="中央地区",
        status=Verification.Status.APPROVED,
        decided_at=timezone.now(),
    )
    return user


def make_issue(author, muni="131016", fields=("shopping", "mobility"), kinds=("company",), **extra):
    from kyoso.regions.models import Municipality

    municipality = Municipality.objects.get(lg_code=muni)
    issue = LocalIssue.objects.create(
        platform=Platform.objects.get(prefecture_id=municipality.prefecture_id),
        author=author,
        title="買い物の足がない",
        municipality=municipality,
        description="駅前のスーパーが閉店し、移動販売を探しています。",
        partner_kinds=list(kinds),
        **extra,
    )
    issue.fields.set(Field.objects.filter(slug__in=fields))
    return issue


# (name, kind, fields, area, prefectures, municipalities, suggested?, reason that must show)
TABLE = [
    (
        "千代田の買い物支援",
        "company",
        ("shopping",),
        "municipalities",
        (),
        ("131016",),
        True,
        "千代田区で活動",
    ),
    (
        "東京都全域の移動支援",
        "npo",
        ("mobility",),
        "prefectures",
        ("13",),
        (),
        True,
        "東京都全域で活動",
    ),
    (
        "全国の移動販売",
        "company",
        ("shopping", "mobility"),
        "nationwide",
        (),
        (),
        True,
        "全国で活動",
    ),
    ("大阪の買い物支援", "company", ("shopping",), "municipalities", (), ("271004",), False, ""),
    ("大阪府全域の移動支援", "company", ("mobility",), "prefectures", ("27",), (), False, ""),
    ("千代田の見守り", "company", ("watching-over",), "municipalities", (), ("131016",), False, ""),
    ("全国の介護", "company", ("care",), "nationwide", (), (), False, ""),
    ("港区の買い物支援", "company", ("shopping",), "municipalities", (), ("131032",), False, ""),
]


def test_the_matcher_suggests_only_organisations_that_serve_the_area_and_field(national):
    for name, kind, fields, area, prefs, munis, _ok, _reason in TABLE:
        make_organisation(
            name=name,
            kana=name,
            kind=kind,
            fields=fields,
            area=area,
            prefectures=prefs,
            municipalities=munis,
            description=f"{name}の活動をしています。",
        )
    issue = make_issue(verified())
    found = {s.obj.name: s for s in matching.organisations_for(issue, limit=50)}
    for name, _kind, _fields, _area, _prefs, _munis, ok, reason in TABLE:
        assert (name in found) == ok, name
        if ok:
            assert reason in found[name].reasons, (name, found[name].reasons)
            assert any(r.startswith("分野") for r in found[name].reasons)
    # Local and asked-for kinds rank first: 千代田 (area 3, kind 2) before the nationwide one.
    names = [s.obj.name for s in matching.organisations_for(issue)]
    assert names.index("千代田の買い物支援") < names.index("全国の移動販売")
    assert any("求める協力者の種類" in r for r in found["千代田の買い物支援"].reasons)


def test_a_ward_is_served_by_its_designated_citys_organisations(national):
    make_organisation(
        name="横浜市の配食",
        kana="よこはま",
        kind="npo",
        fields=("meals",),
        municipalities=("141003",),
    )
    issue = make_issue(verified(muni="141011"), muni="141011", fields=("meals",))
    assert [s.obj.name for s in matching.organisations_for(issue)] == ["横浜市の配食"]


def test_measures_open_calls_first_and_closed_calls_never(national):
    today = timezone.localdate()
    shopping = Field.objects.get(slug="shopping")
    rows = {}
    for title, start, end in (
        ("締切の過ぎた補助金", -60, -1),
        ("受付中の補助金", -1, 20),
        ("手引き", None, None),
    ):
        m = Measure.objects.create(
            platform=national,
            title=title,
            agency="厚生労働省",
            kind="grant" if start is not None else "manual",
            fiscal_year=2026,
            summary="s",
            call_start=today + datetime.timedelta(days=start) if start is not None else None,
            call_end=today + datetime.timedelta(days=end) if end is not None else None,
            audiences=["municipality"],
            status=Status.PUBLISHED,
            published_at=timezone.now(),
        )
        m.fields.add(shopping)
        rows[title] = m
    issue = make_issue(verified())
    found = matching.measures_for(issue)
    assert [s.obj.title for s in found] == ["受付中の補助金", "手引き"]
    assert found[0].reasons[0] == "受付中（あと20日）"


def test_posting_answering_and_talking_notify_the_right_people(client, national):
    org = make_organisation(
        name="みらいストア", kana="みらい", kind="company", fields=("shopping",)
    )
    member = UserFactory(email="store@example.jp")
    Membership.objects.create(organisation=org, user=member, role="owner")
    far = make_organisation(
        name="大阪ストア",
        kana="おおさか",
        kind="company",
        fields=("shopping",),
        municipalities=("271004",),
    )
    far_member = UserFactory(email="far@example.jp")
    Membership.objects.create(organisation=far, user=far_member, role="owner")
    poster = verified()
    client.force_login(UserFactory(email="resident@example.jp"))
    assert client.get("/local-issues/new/").status_code == 403
    client.force_login(poster)
    response = client.post(
        "/local-issues/new/",
        {
            "title": "団地の買い物の足がない",
            "municipality": "131016",
            "fields": ["shopping"],
            "description": "スーパーが閉店しました。",
            "partner_kinds": ["company"],
            "partner_needs": "移動販売",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    issue = LocalIssue.objects.get()
    assert Notification.objects.filter(user=member).count() == 1
    assert not Notification.objects.filter(user=far_member).exists()
    page = client.get(issue.get_absolute_url()).content.decode()
    assert "みらいストア" in page and "千代田区で活動" in page and "大阪ストア" not in page
    client.force_login(member)
    assert "団地の買い物の足がない" in client.get("/accounts/me/").content.decode()
    response = client.post(
        f"/local-issues/{issue.pk}/answer/",
        {"organisation": org.pk, "body": "移動販売車を出せます。"},
    )
    answer = Answer.objects.get()
    assert response["Location"] == answer.get_absolute_url()
    assert Notification.objects.filter(user=poster).count() == 1
    client.force_login(far_member)
    assert client.get(answer.get_absolute_url()).status_code == 404
    client.force_login(poster)
    client.post(answer.get_absolute_url(), {"body": "ぜひお願いします。"})
    assert Notification.objects.filter(user=member).count() == 2
    client.post(f"/local-issues/{issue.pk}/state/", {"state": "in_progress"})
    issue.refresh_from_db()
    assert issue.state == "in_progress"
    # The issue becomes a case: the form starts from it, with the answering organisation.
    response = client.get(f"/local-issues/{issue.pk}/case/")
    assert response["Location"] == f"/cases/new/?from=issue-{issue.pk}"
    form = client.get(response["Location"]).content.decode()
    assert 'value="団地の買い物の足がない"' in form and 'value="みらいストア"' in form
    # Someone else's issue cannot be turned into their case.
    client.force_login(verified("other@example.jp"))
    assert (
        'value="団地の買い物の足がない"'
        not in client.get(f"/cases/new/?from=issue-{issue.pk}").content.decode()
    )


def test_a_meeting_record_is_for_verified_members_of_its_prefecture(client, national):
    author = verified()
    client.force_login(author)
    response = client.post(
        "/meetings/new/",
        {
            "kind": "town",
            "title": "千代田地区タウンミーティング",
            "held_on": "2026-11-20",
            "municipality": "131016",
            "count_residents": "20",
            "count_company": "2",
            "issues_found": "買い物に困る人が多い",
            "ideas": "移動販売の誘致",
        },
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.participant_total == 22
    client.force_login(verified("colleague@example.jp", muni="132012"))
    assert client.get(meeting.get_absolute_url()).status_code == 200
    client.force_login(verified("osaka@example.jp", muni="271004"))
    assert client.get(meeting.get_absolute_url()).status_code == 404
    client.force_login(UserFactory(email="someone@example.jp"))
    assert client.get(meeting.get_absolute_url()).status_code == 404
    client.logout()
    assert client.get(meeting.get_absolute_url()).status_code == 302  # to sign in
    # An issue from the meeting, and the meeting published as a case.
    client.force_login(author)
    form = client.get(f"/local-issues/new/?meeting={meeting.pk}").content.decode()
    assert "買い物に困る人が多い" in form
    case_form = client.get(f"/meetings/{meeting.pk}/case/", follow=True).content.decode()
    assert 'value="千代田地区タウンミーティング"' in case_form
    assert "移動販売の誘致" in case_form


def test_the_public_sees_only_counts_of_coordinators(client, national):
    verified("a@example.jp", muni="131016")
    verified("b@example.jp", muni="131016")
    client.logout()
    page = client.get("/coordinators/?pref=13").content.decode()
    assert "千代田区" in page and ">2<" in page
    assert "利用者" not in page  # no names (the factory's display names)
    client.force_login(verified("c@example.jp", muni="271004"))
    page = client.get("/coordinators/?pref=13").content.decode()
    assert "中央地区" in page and page.count("<tr>") >= 3


def test_a_moderator_hides_an_issue_and_its_author_sees_why(client, national, prefectural_admin):
    poster = verified()
    issue = make_issue(poster)
    client.force_login(prefectural_admin)
    client.post(f"/local-issues/{issue.pk}/hide/", {"reason": "個人の住所が書かれていました"})
    client.logout()
    assert client.get(issue.get_absolute_url()).status_code == 404
    client.force_login(poster)
    assert "個人の住所が書かれていました" in client.get(issue.get_absolute_url()).content.decode()


def test_dashboard_counts_open_local_issues(client, national, national_admin):
    make_issue(verified())
    make_issue(verified("x@example.jp"), state="solved")
    client.force_login(national_admin)
    page = client.get("/dashboard/?figure=local_issues").content.decode()
    assert "<title>東京都：1</title>" in page
    assert Case.objects.count() == 0


def test_list_counts_equal_what_a_click_lists(client, national, django_capture_on_commit_callbacks):
    from kyoso.search.engine import index_object

    author = verified()
    issues = [
        make_issue(author, fields=("shopping",)),
        make_issue(author, fields=("shopping", "meals"), state="solved"),
        make_issue(author, muni="271004", fields=("meals",)),
    ]
    for issue in issues:
        index_object(issue)
    page = client.get("/local-issues/?pref=13&state=all").content.decode()
    assert "買い物（2）" in page and "食事（1）" in page
    assert "募集中（1）" in page and "解決（1）" in page
    listed = client.get("/local-issues/?pref=13&state=solved").content.decode()
    assert ">1件<" in listed
    listed = client.get("/local-issues/?pref=13&field=shopping&state=all").content.decode()
    assert ">2件<" in listed
    assert ">1件<" in client.get("/local-issues/?q=スーパー&pref=27").content.decode()


def test_the_list_shows_answer_counts_renewed_by_each_answer_made_or_removed(client, national):
    """Answer counts are kept with the list's facts: an answer made, and one removed with its
    organisation (a cascade), each show on the next list request."""
    from kyoso.local.actions import answer_create
    from kyoso.search.engine import index_object

    issue = make_issue(verified())
    index_object(issue)
    assert "協力の申し出 0件" in client.get("/local-issues/").content.decode()
    org = make_organisation(platform=Platform.objects.get(prefecture_id="13"))
    helper = UserFactory(email="helper@example.jp")
    answer_create(actor=helper, issue=issue, organisation=org, body="移動販売車があります。")
    assert "協力の申し出 1件" in client.get("/local-issues/").content.decode()
    answer = Answer.objects.get(issue=issue)
    answer.author = None
    answer.save()  # a save that changes no count
    assert "協力の申し出 1件" in client.get("/local-issues/").content.decode()
    org.delete()
    assert not Answer.objects.exists()
    assert "協力の申し出 0件" in client.get("/local-issues/").content.decode()
