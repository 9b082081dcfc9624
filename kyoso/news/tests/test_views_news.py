"""Notices: only published ones are shown; staff write them and they go through review."""

import pytest

from kyoso.moderation.models import Status
from kyoso.news.models import Notice
from kyoso.testing.factories import NoticeFactory

pytestmark = pytest.mark.django_db


def test_pending_notice_is_not_listed_or_reachable(client, tokyo):
    pending = NoticeFactory(pending=True, platform=tokyo, title="審査中のお知らせ")
    NoticeFactory(published=True, platform=tokyo, title="公開中のお知らせ")
    html = client.get("/news/").content.decode()
    assert "公開中のお知らせ" in html
    assert "審査中のお知らせ" not in html
    assert client.get(pending.get_absolute_url()).status_code == 404


def test_platform_list_is_the_same_list_narrowed(client, tokyo, osaka):
    NoticeFactory(published=True, platform=tokyo, title="東京のお知らせ")
    NoticeFactory(published=True, platform=osaka, title="大阪のお知らせ")
    html = client.get("/p/tokyo/news/").content.decode()
    assert "東京のお知らせ" in html and "大阪のお知らせ" not in html
    assert "東京のお知らせ" in client.get("/p/tokyo/").content.decode()


def test_empty_list_says_what_to_expect(client):
    html = client.get("/p/kochi/news/").content.decode()
    assert "現在、お知らせはありません" in html


def test_list_is_paginated_with_a_fixed_number_of_queries(client, tokyo, django_assert_num_queries):
    for _ in range(25):
        NoticeFactory(published=True, platform=tokyo)
    with django_assert_num_queries(2):
        response = client.get("/news/")
    assert 'rel="next"' in response.content.decode()
    assert client.get("/news/", {"page": "2"}).status_code == 200


def test_htmx_request_gets_only_the_list_fragment(client, tokyo):
    NoticeFactory(published=True, platform=tokyo, title="断片")
    html = client.get("/news/", headers={"HX-Request": "true"}).content.decode()
    assert "断片" in html
    assert "<html" not in html


def test_feed_lists_published_notices(client, tokyo):
    NoticeFactory(published=True, platform=tokyo, title="フィードの記事")
    NoticeFactory(pending=True, platform=tokyo, title="未公開")
    response = client.get("/news/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "フィードの記事" in body and "未公開" not in body


def test_dates_are_japanese_with_the_era(client, tokyo):
    import datetime

    from django.utils import timezone

    notice = NoticeFactory(
        published=True,
        platform=tokyo,
        published_at=timezone.make_aware(datetime.datetime(2025, 3, 31, 12)),
    )
    html = client.get(notice.get_absolute_url()).content.decode()
    assert "2025年3月31日（令和7年）" in html


def test_prefectural_admin_writes_a_notice_for_review(client, prefectural_admin, tokyo, osaka):
    client.force_login(prefectural_admin)
    page = client.get("/news/new/").content.decode()
    assert f'value="{tokyo.pk}"' in page
    assert f'value="{osaka.pk}"' not in page  # only platforms they work on
    response = client.post(
        "/news/new/", {"platform": tokyo.pk, "title": "説明会", "body": "開催します。"}
    )
    assert response.status_code == 302
    notice = Notice.objects.get(title="説明会")
    assert notice.status == Status.PENDING
    assert notice.submitted_by == prefectural_admin


def test_a_notice_for_someone_elses_platform_is_refused(client, prefectural_admin, osaka):
    client.force_login(prefectural_admin)
    response = client.post("/news/new/", {"platform": osaka.pk, "title": "x", "body": "y"})
    assert response.status_code == 422
    assert not Notice.objects.exists()


def test_missing_fields_are_explained_and_input_kept(client, prefectural_admin, tokyo):
    client.force_login(prefectural_admin)
    response = client.post("/news/new/", {"platform": tokyo.pk, "title": "", "body": "残る本文"})
    html = response.content.decode()
    assert response.status_code == 422
    assert "件名を入力してください" in html
    assert "残る本文" in html
    assert 'aria-invalid="true"' in html
    assert 'href="#id_title"' in html  # error summary links to the field


@pytest.mark.parametrize("persona", ["resident", "coordinator", "organisation_member"])
def test_residents_cannot_write_notices(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.post("/news/new/", {"title": "x", "body": "y"}).status_code == 403


@pytest.mark.parametrize("url", ["/news/abc/", "/news/999999/", "/p/atlantis/news/"])
def test_bad_urls_are_404(client, url):
    assert client.get(url).status_code == 404
