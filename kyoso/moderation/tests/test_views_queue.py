"""Review queue pages, per platform, for admins and moderators only."""

import pytest
from django.urls import reverse

from kyoso.moderation.models import Status
from kyoso.testing.factories import NoticeFactory

pytestmark = pytest.mark.django_db


def item_url(notice):
    return reverse("moderation:item", kwargs={"key": "news.notice", "pk": notice.pk})


def test_queue_lists_pending_items_of_the_moderators_platforms(client, moderator, osaka, tokyo):
    mine = NoticeFactory(pending=True, platform=osaka, title="大阪の申請")
    NoticeFactory(pending=True, platform=tokyo, title="東京の申請")
    NoticeFactory(published=True, platform=osaka, title="公開済み")
    client.force_login(moderator)
    html = client.get("/review/").content.decode()
    assert "大阪の申請" in html
    assert "東京の申請" not in html
    assert "公開済み" not in html
    assert item_url(mine) in html


def test_national_admin_sees_every_platforms_queue(client, national_admin, osaka, tokyo):
    NoticeFactory(pending=True, platform=osaka, title="大阪の申請")
    NoticeFactory(pending=True, platform=tokyo, title="東京の申請")
    client.force_login(national_admin)
    html = client.get("/review/").content.decode()
    assert "大阪の申請" in html and "東京の申請" in html
    narrowed = client.get("/p/tokyo/review/").content.decode()
    assert "東京の申請" in narrowed and "大阪の申請" not in narrowed


def test_moderator_cannot_open_another_platforms_queue_or_items(client, moderator, tokyo):
    notice = NoticeFactory(pending=True, platform=tokyo)
    client.force_login(moderator)
    assert client.get("/p/tokyo/review/").status_code == 403
    assert client.get(item_url(notice)).status_code == 403
    assert client.post(item_url(notice), {"decision": "approve"}).status_code == 403
    notice.refresh_from_db()
    assert notice.status == Status.PENDING


def test_approving_publishes(client, moderator, osaka):
    notice = NoticeFactory(pending=True, platform=osaka)
    client.force_login(moderator)
    response = client.post(item_url(notice), {"decision": "approve"})
    assert response.status_code == 302
    notice.refresh_from_db()
    assert notice.status == Status.PUBLISHED
    assert client.get(notice.get_absolute_url()).status_code == 200


def test_rejecting_without_a_reason_shows_the_error_and_keeps_it_pending(client, moderator, osaka):
    notice = NoticeFactory(pending=True, platform=osaka)
    client.force_login(moderator)
    response = client.post(item_url(notice), {"decision": "reject", "reason": ""})
    assert response.status_code == 422
    assert "差し戻しの理由を入力してください" in response.content.decode()
    notice.refresh_from_db()
    assert notice.status == Status.PENDING


def test_rejecting_with_a_reason_is_shown_to_the_submitter(client, moderator, osaka):
    notice = NoticeFactory(pending=True, platform=osaka)
    client.force_login(moderator)
    client.post(item_url(notice), {"decision": "reject", "reason": "連絡先を書いてください。"})
    client.force_login(notice.submitted_by)
    html = client.get("/accounts/me/").content.decode()
    assert "差し戻し" in html
    assert "連絡先を書いてください。" in html


def test_deciding_twice_is_a_conflict_not_a_500(client, moderator, osaka):
    notice = NoticeFactory(published=True, platform=osaka)
    client.force_login(moderator)
    assert client.post(item_url(notice), {"decision": "approve"}).status_code == 409


@pytest.mark.parametrize("decision", ["", "delete", "<b>"])
def test_unknown_decision_is_a_400(client, moderator, osaka, decision):
    notice = NoticeFactory(pending=True, platform=osaka)
    client.force_login(moderator)
    assert client.post(item_url(notice), {"decision": decision}).status_code == 400


@pytest.mark.parametrize(
    "url", ["/review/news.nothing/1/", "/review/news.notice/999999/", "/p/atlantis/review/"]
)
def test_unknown_items_are_404(client, national_admin, url):
    client.force_login(national_admin)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("persona", ["resident", "coordinator", "organisation_member"])
def test_residents_cannot_see_the_queue(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get("/review/").status_code == 403


def test_queue_has_a_bounded_number_of_queries(
    client, national_admin, osaka, django_assert_max_num_queries
):
    for _ in range(15):
        NoticeFactory(pending=True, platform=osaka)
    client.force_login(national_admin)
    # A constant per reviewable type (its pending count), never per item; plus the board's
    # block (open reports and held posts: two counts and the reviewer's roles).
    with django_assert_max_num_queries(18):
        client.get("/review/")


def test_bad_page_numbers_fall_back_to_a_valid_page(client, national_admin):
    client.force_login(national_admin)
    for page in ("abc", "-1", "99999"):
        assert client.get("/review/", {"page": page}).status_code == 200


def test_a_moderator_of_two_platforms_sees_both_queues_and_no_other(
    client, moderator, osaka, tokyo
):
    from kyoso.platforms.models import Platform, PlatformRole
    from kyoso.testing.factories import grant

    grant(moderator, tokyo, PlatformRole.Role.MODERATOR)
    NoticeFactory(pending=True, platform=osaka, title="大阪の申請")
    NoticeFactory(pending=True, platform=tokyo, title="東京の申請")
    NoticeFactory(pending=True, platform=Platform.objects.get(slug="kyoto"), title="京都の申請")
    client.force_login(moderator)
    html = client.get("/review/").content.decode()
    assert "大阪の申請" in html and "東京の申請" in html and "京都の申請" not in html
