"""Videos and training: uploads checked by their bytes and captions validated, review by another
person, the player with its caption track, chapters that start the player, transcript words found
by search with their chapter, range requests, admins limited to their own prefecture, and
training progress on マイページ."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from kyoso.moderation.models import Status
from kyoso.videos.models import Chapter, Completion, Series, Video

pytestmark = pytest.mark.django_db

WEBM = (Path(__file__).resolve().parents[1] / "demo" / "symposium.webm").read_bytes()
VTT = (
    "WEBVTT\n\n"
    "00:00:00.000 --> 00:00:05.000\nこんにちは。シンポジウムを始めます。\n\n"
    "00:00:10.000 --> 00:00:15.000\n移動販売車が集落を回る取組を紹介します。\n\n"
    "00:00:20.000 --> 00:00:24.000\nまとめです。\n"
)


@pytest.fixture
def symposium(tokyo):
    return Series.objects.create(platform=tokyo, kind="symposium", title="東京都シンポジウム")


def upload_data(series, **overrides):
    data = {
        "series": str(series.pk),
        "position": "1",
        "title": "基調講演",
        "description": "共創による地域づくり",
        "speakers_text": "山田 花子｜東京都",
        "source": "file",
        "upload": SimpleUploadedFile("talk.webm", WEBM, content_type="video/webm"),
        "captions_upload": SimpleUploadedFile("talk.vtt", VTT.encode(), content_type="text/vtt"),
        "chapters_text": "0:00 開会\n0:10 移動販売の事例\n0:20 まとめ",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def _presented_case(platform):
    from kyoso.cases.models import Case

    return Case.objects.create(
        platform=platform,
        title="移動販売の事例",
        summary="s",
        prefecture_id="13",
        issue="i",
        approach="a",
        started_year=2020,
        status=Status.PUBLISHED,
        published_at=timezone.now(),
    )


def _talk(series) -> Video:
    return Video.objects.create(
        platform=series.platform,
        series=series,
        title="事例報告",
        source="youtube",
        url="https://youtu.be/aqz-KE-bpKQ",
        status=Status.PUBLISHED,
        published_at=timezone.now(),
    )


def test_an_admin_uploads_a_symposium_video_and_another_reviewer_publishes_it(
    client, symposium, prefectural_admin, national_admin, django_capture_on_commit_callbacks
):
    client.force_login(prefectural_admin)
    response = client.post("/videos/new/", upload_data(symposium))
    assert response.status_code == 302, response.content.decode()[:3000]
    video = Video.objects.get()
    assert video.status == Status.PENDING and video.file_type == "video/webm"
    assert video.duration == 24  # from the captions' last cue
    chapters = list(video.chapters.all())
    assert [(c.start, c.title) for c in chapters] == [
        (0, "開会"),
        (10, "移動販売の事例"),
        (20, "まとめ"),
    ]
    assert "移動販売車が集落を回る" in chapters[1].transcript  # the transcript made from captions
    client.logout()
    assert client.get(video.get_absolute_url()).status_code == 404  # not public yet
    client.force_login(national_admin)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/review/videos.video/{video.pk}/", {"decision": "approve"})
    video.refresh_from_db()
    assert video.status == Status.PUBLISHED
    client.logout()
    page = client.get(video.get_absolute_url()).content.decode()
    assert '<track kind="captions"' in page and "文字起こし" in page
    assert 'href="?t=10#player" data-seek="10"' in page
    # A word said in the talk finds the chapter where it is said.
    hits = client.get("/videos/?q=集落").content.decode()
    assert f"/videos/{video.pk}/?t=10#chapter-10" in hits
    site = client.get("/search/?q=集落").content.decode()
    assert f"/videos/{video.pk}/?t=10#chapter-10" in site
    # A chapter link starts the player there, without JavaScript (a media fragment).
    assert (
        f"/videos/{video.pk}/file/#t=10"
        in client.get(f"{video.get_absolute_url()}?t=10").content.decode()
    )
    assert client.get(f"/videos/{video.pk}/captions.vtt").content.decode().startswith("WEBVTT")


def test_uploads_are_checked_by_their_bytes_and_captions_must_be_webvtt(
    client, symposium, prefectural_admin
):
    client.force_login(prefectural_admin)
    bad_video = upload_data(
        symposium, upload=SimpleUploadedFile("talk.webm", b"GIF89a not a video")
    )
    response = client.post("/videos/new/", bad_video)
    assert response.status_code == 422
    assert "MP4 か WebM の動画ファイルを選んでください" in response.content.decode()
    bad_vtt = upload_data(
        symposium,
        captions_upload=SimpleUploadedFile("c.vtt", "1\n00:00 --> x\nこんにちは".encode()),
    )
    response = client.post("/videos/new/", bad_vtt)
    assert response.status_code == 422
    assert "WebVTT の字幕ファイルではありません" in response.content.decode()
    no_captions = upload_data(symposium, captions_upload=None)
    response = client.post("/videos/new/", no_captions)
    assert "字幕（WebVTT）を付けてください" in response.content.decode()
    bad_chapters = upload_data(symposium, chapters_text="はじめに")
    response = client.post("/videos/new/", bad_chapters)
    assert "1行目" in response.content.decode()
    assert not Video.objects.exists()


def test_a_youtube_video_is_embedded_privacy_enhanced_with_its_transcript(
    client, symposium, prefectural_admin
):
    client.force_login(prefectural_admin)
    data = upload_data(
        symposium,
        source="youtube",
        url="https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        upload=None,
        captions_upload=None,
        transcript_text="0:00 はじめに、見守りの話です。\n1:30 新聞販売店の方の気づき。",
        chapters_text="0:00 はじめに\n1:30 実際",
    )
    assert client.post("/videos/new/", data).status_code == 302
    video = Video.objects.get()
    Video.objects.filter(pk=video.pk).update(status="published", published_at=timezone.now())
    page = client.get(f"{video.get_absolute_url()}?t=90").content.decode()
    assert "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?start=90" in page
    assert "新聞販売店の方の気づき" in page


def test_video_files_answer_range_requests(client, symposium):
    video = Video.objects.create(
        platform=symposium.platform,
        series=symposium,
        title="x",
        source="file",
        file_type="video/webm",
        status=Status.PUBLISHED,
        published_at=timezone.now(),
    )
    from django.core.files.base import ContentFile

    video.file.save("v", ContentFile(WEBM), save=True)
    url = f"/videos/{video.pk}/file/"
    part = client.get(url, HTTP_RANGE="bytes=100-199")
    assert part.status_code == 206
    assert part["Content-Range"] == f"bytes 100-199/{len(WEBM)}"
    assert b"".join(part.streaming_content) == WEBM[100:200]
    tail = client.get(url, HTTP_RANGE="bytes=-10")
    assert b"".join(tail.streaming_content) == WEBM[-10:]
    assert client.get(url, HTTP_RANGE=f"bytes={len(WEBM) + 5}-").status_code == 416
    assert client.get(url, HTTP_RANGE="bytes=abc").status_code == 416
    whole = client.get(url)
    assert whole.status_code == 200 and whole["Accept-Ranges"] == "bytes"


def test_a_prefectural_admin_adds_series_only_on_their_own_platform(
    client, prefectural_admin, osaka, tokyo
):
    client.force_login(prefectural_admin)
    form = client.get("/videos/series/new/").content.decode()
    assert "東京都" in form and "大阪府" not in form
    response = client.post(
        "/videos/series/new/", {"platform": str(osaka.pk), "kind": "training", "title": "研修"}
    )
    assert response.status_code == 422 and not Series.objects.exists()
    response = client.post(
        "/videos/series/new/",
        {
            "platform": str(tokyo.pk),
            "kind": "training",
            "title": "東京都の研修",
            "audiences": ["tier2"],
        },
    )
    assert response.status_code == 302
    series = Series.objects.get()
    assert series.get_absolute_url() == f"/training/{series.pk}/"
    other = Series.objects.create(platform=osaka, kind="training", title="大阪府の研修")
    assert client.get(f"/videos/series/{other.pk}/edit/").status_code == 403


def test_a_user_completes_a_training_unit_and_sees_progress_on_my_page(client, tokyo, resident):
    training = Series.objects.create(platform=tokyo, kind="training", title="基礎研修")
    units = [
        Video.objects.create(
            platform=tokyo,
            series=training,
            position=i,
            title=f"単元{i}",
            source="youtube",
            url="https://youtu.be/aqz-KE-bpKQ",
            self_check="担当地域の通いの場を挙げられる",
            status=Status.PUBLISHED,
            published_at=timezone.now(),
        )
        for i in (1, 2)
    ]
    Chapter.objects.create(video=units[0], start=0, title="全編", transcript="本文")
    client.force_login(resident)
    page = client.get(units[0].get_absolute_url()).content.decode()
    assert "担当地域の通いの場を挙げられる" in page and "この単元を受講済みにする" in page
    response = client.post(f"/training/units/{units[0].pk}/done/", {"done": "1"})
    assert response.status_code == 302 and response["Location"] == f"/training/{training.pk}/"
    assert Completion.objects.filter(user=resident, video=units[0]).exists()
    me = client.get("/accounts/me/").content.decode()
    assert "研修の受講状況" in me and "受講済み 1 / 2 単元" in me
    assert "受講済み 1 / 2 単元" in client.get("/training/").content.decode()
    client.post(f"/training/units/{units[0].pk}/done/", {"done": "0"})
    assert not Completion.objects.exists()
    # Only published units of a training series can be marked.
    symposium = Series.objects.create(platform=tokyo, kind="symposium", title="s")
    Video.objects.filter(pk=units[1].pk).update(series=symposium)
    assert client.post(f"/training/units/{units[1].pk}/done/").status_code == 404


def test_a_symposium_page_groups_talks_materials_and_presented_cases(client, tokyo, symposium):
    case = _presented_case(tokyo)
    symposium.cases.add(case)
    talk = _talk(symposium)
    page = client.get(f"/videos/series/{symposium.pk}/").content.decode()
    assert talk.title in page and case.title in page and "紹介された共創事例" in page
    # …and the case's page links back to the symposium that presented it.
    case_page = client.get(case.get_absolute_url()).content.decode()
    assert "この事例が紹介されたシンポジウム" in case_page and symposium.title in case_page


def test_an_organisation_submits_its_own_video_which_a_moderator_publishes(
    client, tokyo, prefectural_admin, django_capture_on_commit_callbacks
):
    from kyoso.directory.models import Membership
    from kyoso.testing.factories import UserFactory, make_organisation

    org = make_organisation(platform=tokyo, name="ちよだ見守り隊", kana="ちよだ")
    member = UserFactory(email="org@example.jp")
    Membership.objects.create(organisation=org, user=member, role="owner")
    client.force_login(UserFactory(email="nobody@example.jp"))
    assert client.get("/videos/submit/").status_code == 403
    client.force_login(member)
    form = client.get("/videos/submit/").content.decode()
    assert 'value="file"' not in form  # links only: files and captions stay with the admins
    data = {
        "organisation": str(org.pk),
        "title": "見守り活動の紹介",
        "source": "youtube",
        "url": "https://youtu.be/aqz-KE-bpKQ",
        "transcript_text": "0:00 私たちは新聞配達のついでに見守りをしています。",
    }
    assert client.post("/videos/submit/", data).status_code == 302
    video = Video.objects.get()
    assert video.status == Status.PENDING and video.series.organisation == org
    assert video.platform == tokyo
    client.force_login(prefectural_admin)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/review/videos.video/{video.pk}/", {"decision": "approve"})
    client.logout()
    assert "見守り活動の紹介" in client.get(org.get_absolute_url()).content.decode()
    assert "見守り活動の紹介" in client.get("/videos/?kind=organisation").content.decode()


def test_the_cached_symposium_page_follows_an_edit_of_its_series(
    tokyo, symposium, tmp_path, settings, django_capture_on_commit_callbacks
):
    """A series is no search entry of its own: its edits (title, the cases it presented) renew
    the anonymous page cache themselves."""
    from kyoso.core.tests.test_pagecache import cached_site, call

    _talk(symposium)
    case = _presented_case(tokyo)
    path = f"/videos/series/{symposium.pk}/"
    with cached_site(tmp_path, settings) as app:
        assert "東京都シンポジウム" in call(app, path)[2].decode()
        assert "東京都シンポジウム" in call(app, "/videos/")[2].decode()
        with django_capture_on_commit_callbacks(execute=True):
            symposium.title = "東京都生活支援シンポジウム2026"
            symposium.save()
        assert "東京都生活支援シンポジウム2026" in call(app, path)[2].decode()
        assert "東京都生活支援シンポジウム2026" in call(app, "/videos/")[2].decode()
        with django_capture_on_commit_callbacks(execute=True):
            symposium.cases.add(case)
        assert "移動販売の事例" in call(app, path)[2].decode()
