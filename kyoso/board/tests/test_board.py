"""The exchange board: members-only rooms that do not exist for others, posting with its checks,
editing and deleting, reports and moderation, and notifications by mail."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from kyoso.accounts.models import Verification
from kyoso.audit.models import AuditEntry
from kyoso.board.models import Board, NgWord, Post, Thread
from kyoso.notifications.delivery import run as run_notifications
from kyoso.notifications.models import Notification, Preference
from kyoso.platforms.models import Platform
from kyoso.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


def verified(email: str, muni: str = "131016", role: str = "coordinator", layer: str = "2"):
    user = UserFactory(email=email, persona="coordinator")
    Verification.objects.create(
        user=user,
        role=role,
        layer=layer,
        municipality_id=muni,
        area_name="中央地区" if layer == "2" else "",
        status=Verification.Status.APPROVED,
        decided_at=timezone.now(),
    )
    return user


@pytest.fixture
def room(tokyo):
    return Board.objects.create(
        slug="room", name="コーディネーターの部屋", kind="topic", platform=tokyo, members_only=True
    )


def start(client, board_slug: str, title: str, body: str, **extra):
    """Both steps of starting a thread (check, then post)."""
    data = {"title": title, "body": body, **extra}
    first = client.post(reverse("board:thread_new", kwargs={"board": board_slug}), data)
    assert first.status_code == 200, first.content.decode()[:500]
    return client.post(
        reverse("board:thread_new", kwargs={"board": board_slug}), {**data, "confirmed": "1"}
    )


def test_standing_boards_exist():
    slugs = set(Board.objects.values_list("slug", flat=True))
    assert {"cross", "field-shopping", "field-mobility", "tokyo", "okinawa"} <= slugs
    assert Board.objects.filter(kind="field").count() == 23
    assert Board.objects.filter(kind="platform").count() == 47


def test_members_only_room_does_not_exist_for_others(
    client, room, resident, django_capture_on_commit_callbacks
):
    author = verified("coord-a@example.jp")
    client.force_login(author)
    with django_capture_on_commit_callbacks(execute=True):
        response = start(client, "room", "担い手の燃え尽きについて", "秘密の相談です。")
    thread = Thread.objects.get(title="担い手の燃え尽きについて")
    assert response.status_code == 302
    urls = [
        reverse("board:board", kwargs={"board": "room"}),
        thread.get_absolute_url(),
        reverse("board:board_feed", kwargs={"board": "room"}),
        reverse("board:post_history", kwargs={"pk": thread.posts.first().pk}),
        reverse("board:post_report", kwargs={"pk": thread.posts.first().pk}),
    ]
    assert client.get(urls[0]).status_code == 200
    assert client.get(urls[1]).status_code == 200
    for who in (None, resident):
        client.logout()
        if who is not None:
            client.force_login(who)
        for url in urls:
            assert client.get(url).status_code in (404, 302), url
            if who is not None:
                assert client.get(url).status_code == 404, url
        for page in ("/board/", "/board/feed/", "/", "/search/?q=燃え尽き"):
            html = client.get(page).content.decode()
            assert "/board/room/" not in html, page
            assert "秘密の相談" not in html, page
    # Its feed does not exist even for members.
    client.force_login(author)
    assert client.get(urls[2]).status_code == 404


def test_a_withdrawn_verification_closes_the_room(client, room, prefectural_admin):
    member = verified("coord-b@example.jp")
    client.force_login(member)
    assert client.get("/board/room/").status_code == 200
    row = Verification.objects.get(user=member)
    client.force_login(prefectural_admin)
    response = client.post(
        reverse("accounts:verification_decide", kwargs={"pk": row.pk}),
        {"decision": "withdraw", "reason": "異動されたため"},
    )
    assert response.status_code == 302
    assert AuditEntry.objects.filter(action="verification.withdraw").exists()
    client.force_login(member)
    assert client.get("/board/room/").status_code == 404


def test_lg_jp_address_of_the_municipality_verifies_at_once(client):
    user = UserFactory(email="tanaka@city.chiyoda.lg.jp")
    client.force_login(user)
    response = client.post(
        reverse("accounts:verification"), {"role": "municipal", "municipality": "131016"}
    )
    assert response.status_code == 302
    row = Verification.objects.get(user=user)
    assert row.status == "approved" and row.automatic
    # Another municipality's domain goes to the prefecture's admins.
    other = UserFactory(email="sato@city.minato.lg.jp")
    client.force_login(other)
    client.post(reverse("accounts:verification"), {"role": "municipal", "municipality": "131016"})
    assert Verification.objects.get(user=other).status == "pending"


def test_coordinators_say_their_layer_and_area(client, resident):
    client.force_login(resident)
    response = client.post(
        reverse("accounts:verification"),
        {"role": "coordinator", "municipality": "131016", "layer": "2"},
    )
    assert response.status_code == 422
    assert "日常生活圏域の名前を入力してください" in response.content.decode()


def test_prefecture_admins_decide_only_their_prefecture_and_never_their_own(
    client, prefectural_admin, django_capture_on_commit_callbacks
):
    osaka_request = Verification.objects.create(
        user=UserFactory(), role="municipal", municipality_id="271004"
    )
    tokyo_request = Verification.objects.create(
        user=UserFactory(), role="municipal", municipality_id="131016"
    )
    own = Verification.objects.create(
        user=prefectural_admin, role="municipal", municipality_id="131016"
    )
    client.force_login(prefectural_admin)
    url = lambda row: reverse("accounts:verification_decide", kwargs={"pk": row.pk})  # noqa: E731
    assert client.get(url(osaka_request)).status_code == 403
    assert client.get(url(own)).status_code == 403
    response = client.post(url(tokyo_request), {"decision": "decline", "reason": ""})
    assert response.status_code == 422  # a reason is required
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(tokyo_request), {"decision": "approve", "reason": ""})
    assert response.status_code == 302
    tokyo_request.refresh_from_db()
    assert tokyo_request.status == "approved"
    assert mail.outbox and "確認が済みました" in mail.outbox[-1].subject


def test_starting_a_thread_shows_similar_topics_first(
    client, resident, national, django_capture_on_commit_callbacks
):
    client.force_login(resident)
    with django_capture_on_commit_callbacks(execute=True):
        start(client, "field-shopping", "移動販売車が来なくなりました", "買い物に困っています。")
    response = client.post(
        reverse("board:thread_new", kwargs={"board": "cross"}),
        {"title": "移動販売車の代わりを探しています", "body": "同じような地域はありますか。"},
    )
    html = response.content.decode()
    assert "似ている話題" in html
    assert "移動販売車が来なくなりました" in html
    assert Thread.objects.filter(title__startswith="移動販売車の代わり").count() == 0


def test_personal_information_asks_for_confirmation(client, resident):
    client.force_login(resident)
    data = {"title": "相談", "body": "連絡は 090-1234-5678 まで", "confirmed": "1"}
    response = client.post(reverse("board:thread_new", kwargs={"board": "cross"}), data)
    assert response.status_code == 200
    assert "電話番号" in response.content.decode()
    assert not Thread.objects.filter(title="相談").exists()
    response = client.post(
        reverse("board:thread_new", kwargs={"board": "cross"}), {**data, "confirm_personal": "on"}
    )
    assert response.status_code == 302
    assert Thread.objects.filter(title="相談").exists()


def test_rate_limit_says_when_to_post_again(client, resident, settings):
    settings.BOARD_POST_LIMITS = [("user", 2, 600)]
    client.force_login(resident)
    for n in range(2):
        assert start(client, "cross", f"話題{n}", "本文").status_code == 302
    response = start(client, "cross", "話題3", "本文")
    assert response.status_code == 429
    assert "以降にもう一度投稿してください" in response.content.decode()
    assert not Thread.objects.filter(title="話題3").exists()
    assert "本文" in response.content.decode()  # what was typed is kept


def test_ng_word_holds_a_post_and_tells_the_author(client, resident, national, organisation_member):
    NgWord.objects.create(platform=national, word="情報商材")
    client.force_login(resident)
    start(client, "cross", "普通の話題", "はじめまして。")
    thread = Thread.objects.get(title="普通の話題")
    response = client.post(
        reverse("board:reply", kwargs={"board": "cross", "pk": thread.pk}),
        {"body": "この情報商材がおすすめです"},
    )
    post = Post.objects.get(thread=thread, number=2)
    assert post.state == "held"
    page = client.get(response["Location"].split("#")[0]).content.decode()
    assert "管理者の確認を待っています" in page
    client.force_login(organisation_member)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "おすすめ" not in page and "管理者の確認待ちです" in page


def test_report_then_moderator_hides_with_a_reason_the_author_sees(
    client, resident, organisation_member, national_admin
):
    client.force_login(organisation_member)
    start(client, "cross", "宣伝の話題", "うちの商品を買ってください。")
    thread = Thread.objects.get(title="宣伝の話題")
    post = thread.posts.get(number=1)
    client.force_login(resident)
    response = client.post(
        reverse("board:post_report", kwargs={"pk": post.pk}), {"reason": "spam", "note": ""}
    )
    assert response.status_code == 302
    client.force_login(national_admin)
    assert "宣伝の話題" in client.get(reverse("board:reports")).content.decode()
    response = client.post(
        reverse("board:post_moderate", kwargs={"pk": post.pk}),
        {"action": "hide", "reason": "宣伝はお断りしています", "back": "reports"},
    )
    assert response.status_code == 302
    assert AuditEntry.objects.filter(action="board.post_hide").exists()
    client.force_login(organisation_member)
    assert "宣伝はお断りしています" in client.get(thread.get_absolute_url()).content.decode()
    client.force_login(resident)
    assert client.get(thread.get_absolute_url()).status_code == 404  # a hidden thread


def test_authors_edit_within_a_day_with_history_and_delete_leaves_a_mark(
    client, resident, organisation_member
):
    client.force_login(resident)
    start(client, "cross", "編集の話題", "はじめの文")
    post = Post.objects.get(thread__title="編集の話題", number=1)
    client.force_login(organisation_member)
    assert client.get(reverse("board:post_edit", kwargs={"pk": post.pk})).status_code == 403
    assert client.post(reverse("board:post_delete", kwargs={"pk": post.pk})).status_code == 403
    client.force_login(resident)
    client.post(
        reverse("board:post_edit", kwargs={"pk": post.pk}),
        {"title": "編集の話題", "body": "直した文"},
    )
    page = client.get(post.thread.get_absolute_url()).content.decode()
    assert "直した文" in page and "編集済み" in page
    history = client.get(reverse("board:post_history", kwargs={"pk": post.pk})).content.decode()
    assert "はじめの文" in history
    Post.objects.filter(pk=post.pk).update(created_at=timezone.now() - datetime.timedelta(hours=25))
    response = client.post(
        reverse("board:post_edit", kwargs={"pk": post.pk}), {"title": "x", "body": "遅い"}
    )
    assert response.status_code == 302
    assert Post.objects.get(pk=post.pk).body == "直した文"
    client.post(reverse("board:post_delete", kwargs={"pk": post.pk}))
    page = client.get(post.thread.get_absolute_url()).content.decode()
    assert "この投稿は削除されました" in page and "直した文" not in page


def test_stored_xss_renders_inert(client, resident):
    client.force_login(resident)
    start(
        client,
        "cross",
        "<img src=x onerror=alert(1)>",
        "<script>alert(1)</script> [click](javascript:alert(1)) https://example.jp/ **太字**",
    )
    thread = Thread.objects.get(title__startswith="<img")
    html = client.get(thread.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    assert 'href="javascript' not in html
    assert "<strong>太字</strong>" in html
    assert 'rel="nofollow ugc noopener"' in html


def test_same_problem_is_counted_once_per_person(client, resident, organisation_member):
    client.force_login(resident)
    start(client, "cross", "同じ悩みの話題", "本文")
    thread = Thread.objects.get(title="同じ悩みの話題")
    url = reverse("board:same", kwargs={"board": "cross", "pk": thread.pk})
    client.force_login(organisation_member)
    client.post(url)
    thread.refresh_from_db()
    assert thread.same_count == 1
    client.post(url)
    thread.refresh_from_db()
    assert thread.same_count == 0


def test_reply_mails_the_thread_author_and_digest_users_get_it_later(
    client, room, django_capture_on_commit_callbacks
):
    first = verified("first@example.jp")
    second = verified("second@example.jp", muni="132012", layer="1")
    digest_user = verified("digest@example.jp")
    Preference.objects.create(user=digest_user, frequency="daily")
    client.force_login(first)
    with django_capture_on_commit_callbacks(execute=True):
        start(client, "room", "協議体の進め方", "相談です。")
    thread = Thread.objects.get(title="協議体の進め方")
    client.force_login(digest_user)
    client.post(
        reverse("notifications:follow"), {"target": "thread", "key": thread.pk, "follow": "1"}
    )
    mail.outbox.clear()
    client.force_login(second)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("board:reply", kwargs={"board": "room", "pk": thread.pk}),
            {"body": "私の地区ではこうしています。"},
        )
    assert [m.to for m in mail.outbox] == [["first@example.jp"]]
    message = mail.outbox[0]
    assert "協議体の進め方" in message.subject
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert Notification.objects.filter(user=digest_user, mail="pending").count() == 1
    result = run_notifications()
    assert result["digests"] == 1
    assert mail.outbox[-1].to == ["digest@example.jp"]
    assert "今日のお知らせ" in mail.outbox[-1].subject
    # One click, no sign-in, no CSRF token: mail stops.
    client.logout()
    path = unsubscribe.split("example", 1)[-1] if "://" in unsubscribe else unsubscribe
    path = path[path.index("/notifications/") :]
    anonymous_client = client.__class__(enforce_csrf_checks=True)
    assert anonymous_client.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert Preference.objects.get(user=first).frequency == "off"


def test_a_failed_mail_is_kept_and_retried(
    client, resident, organisation_member, monkeypatch, django_capture_on_commit_callbacks
):
    client.force_login(resident)
    with django_capture_on_commit_callbacks(execute=True):
        start(client, "cross", "再送の話題", "本文")
    thread = Thread.objects.get(title="再送の話題")

    def broken(self, *args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", broken)
    client.force_login(organisation_member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("board:reply", kwargs={"board": "cross", "pk": thread.pk}), {"body": "返信"}
        )
    assert response.status_code == 302  # the poster sees no error
    row = Notification.objects.get(user=resident)
    assert row.mail == "pending" and row.mail_attempts == 1
    monkeypatch.undo()
    run_notifications()
    row.refresh_from_db()
    assert row.mail == "sent"


def test_a_long_thread_reads_one_page_of_posts(client, resident, django_assert_max_num_queries):
    client.force_login(resident)
    start(client, "cross", "長い話題", "本文")
    thread = Thread.objects.get(title="長い話題")
    Post.objects.bulk_create(
        [Post(thread=thread, number=n, author=resident, body=f"返信{n}") for n in range(2, 402)]
    )
    Thread.objects.filter(pk=thread.pk).update(last_number=401, reply_count=400)
    url = thread.get_absolute_url() + "?page=15"
    client.get(url)
    with django_assert_max_num_queries(30):
        html = client.get(url).content.decode()
    assert "返信290" in html and "返信300" in html and "返信301" not in html


def test_moderators_of_another_prefecture_cannot_act(client, moderator, resident):
    client.force_login(resident)
    start(client, "tokyo", "東京の話題", "本文")
    thread = Thread.objects.get(title="東京の話題")
    client.force_login(moderator)  # Osaka's
    response = client.post(
        reverse("board:thread_moderate", kwargs={"board": "tokyo", "pk": thread.pk}),
        {"action": "lock"},
    )
    assert response.status_code == 403
    assert not Thread.objects.get(pk=thread.pk).is_locked


def test_suspension_hides_everything_and_stops_posting(client, resident, prefectural_admin):
    client.force_login(resident)
    start(client, "tokyo", "停止前の話題", "本文")
    post = Post.objects.get(thread__title="停止前の話題", number=1)
    client.force_login(prefectural_admin)
    response = client.post(
        reverse("board:user_suspend", kwargs={"pk": post.pk}),
        {"reason": "繰り返しの宣伝", "hide_all": "on"},
    )
    assert response.status_code == 302
    assert Post.objects.get(pk=post.pk).is_hidden
    assert AuditEntry.objects.filter(action="board.suspend").exists()
    client.force_login(resident)
    assert client.get(reverse("board:thread_new", kwargs={"board": "tokyo"})).status_code == 403
    assert Platform.objects.get(slug="tokyo")


def _png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (20, 10), "blue").save(out, format="JPEG")
    return out.getvalue()


def test_attachments_are_checked_kept_between_steps_and_follow_the_posts_rules(
    client, room, resident
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from kyoso.board.models import PostAttachment

    member = verified("coord-files@example.jp")
    client.force_login(member)
    new = reverse("board:thread_new", kwargs={"board": "room"})
    data = {"title": "写真の話題", "body": "写真を付けます。"}
    response = client.post(
        new, {**data, "attachment": SimpleUploadedFile("photo.jpg", _png(), "image/jpeg")}
    )
    assert "画像に何が写っているか" in response.content.decode()  # alt text is required
    response = client.post(
        new,
        {
            **data,
            "attachment": SimpleUploadedFile("photo.jpg", _png(), "image/jpeg"),
            "attachment_alt": "公民館での講座の様子",
        },
    )
    token = re.search(r'name="upload_token" value="([^"]+)"', response.content.decode()).group(1)
    response = client.post(new, {**data, "confirmed": "1", "upload_token": token})
    assert response.status_code == 302
    row = PostAttachment.objects.get()
    assert row.kind == "image" and row.alt == "公民館での講座の様子"
    html = client.get(response["Location"]).content.decode()
    assert 'alt="公民館での講座の様子"' in html
    url = reverse("board:attachment", kwargs={"pk": row.pk})
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "private, no-store"
    client.force_login(resident)
    assert client.get(url).status_code == 404
    # Someone else's token gives nothing; a file that is neither an image nor a PDF is refused.
    client.force_login(member)
    thread = Thread.objects.get(title="写真の話題")
    response = client.post(
        reverse("board:reply", kwargs={"board": "room", "pk": thread.pk}),
        {"body": "資料です", "attachment": SimpleUploadedFile("x.pdf", b"<html>", "text/html")},
    )
    assert response.status_code == 422
    assert "画像（PNG・JPEG・WebP・GIF）かPDF" in response.content.decode()
    pdf = b"%PDF-1.4\n%minimal\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    response = client.post(
        reverse("board:reply", kwargs={"board": "room", "pk": thread.pk}),
        {"body": "資料です", "attachment": SimpleUploadedFile("資料.html", pdf, "text/html")},
    )
    assert response.status_code == 302
    pdf_row = PostAttachment.objects.get(kind="pdf")
    assert pdf_row.original_name == "資料.pdf"


def test_the_shared_review_queue_shows_board_reports(
    client, resident, organisation_member, national_admin
):
    client.force_login(organisation_member)
    start(client, "cross", "通報される話題", "本文")
    post = Post.objects.get(thread__title="通報される話題", number=1)
    client.force_login(resident)
    client.post(reverse("board:post_report", kwargs={"pk": post.pk}), {"reason": "abuse"})
    client.force_login(national_admin)
    html = client.get(reverse("moderation:queue")).content.decode()
    assert "未対応の通報 1件" in html and reverse("board:reports") in html


def test_csrf_and_names_and_file_names_are_safe(client, room):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    from kyoso.board.models import PostAttachment

    member = verified("xss@example.jp")
    member.display_name = '<script>alert("名前")</script>'
    member.save()
    client.force_login(member)
    start(client, "room", "名前の話題", "本文")
    thread = Thread.objects.get(title="名前の話題")
    pdf = b"%PDF-1.4\n%minimal\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    client.post(
        reverse("board:reply", kwargs={"board": "room", "pk": thread.pk}),
        {"body": "資料", "attachment": SimpleUploadedFile("<img src=x onerror=alert(1)>.pdf", pdf)},
    )
    html = client.get(thread.get_absolute_url()).content.decode()
    assert '<script>alert("名前")' not in html and "&lt;script&gt;" in html
    assert "<img src=x" not in html
    assert PostAttachment.objects.get().original_name.endswith(".pdf")
    # Without a CSRF token a post is refused and nothing is saved.
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(member)
    response = strict.post(
        reverse("board:reply", kwargs={"board": "room", "pk": thread.pk}), {"body": "CSRFなし"}
    )
    assert response.status_code == 403
    assert not Post.objects.filter(body="CSRFなし").exists()


def test_abandoned_pending_uploads_are_purged(client, resident, settings, tmp_path):
    import datetime
    import os

    from django.core.files.storage import default_storage
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command

    client.force_login(resident)
    client.post(
        reverse("board:thread_new", kwargs={"board": "cross"}),
        {
            "title": "途中でやめた話題",
            "body": "本文",
            "attachment": SimpleUploadedFile("photo.jpg", _png(), "image/jpeg"),
            "attachment_alt": "写真",
        },
    )
    (name,) = default_storage.listdir("board/pending")[1]
    path = default_storage.path(f"board/pending/{name}")
    call_command("purge_board_uploads")
    assert os.path.exists(path)  # still within its two hours
    old = (datetime.datetime.now() - datetime.timedelta(hours=3)).timestamp()
    os.utime(path, (old, old))
    call_command("purge_board_uploads")
    assert not os.path.exists(path)


def test_the_report_form_has_no_preselected_empty_reason(client, resident, organisation_member):
    client.force_login(organisation_member)
    start(client, "cross", "通報フォームの話題", "本文")
    post = Post.objects.get(thread__title="通報フォームの話題", number=1)
    client.force_login(resident)
    html = client.get(reverse("board:post_report", kwargs={"pk": post.pk})).content.decode()
    assert 'value=""' not in html.split('name="reason"')[1][:200]
    assert "Select an option" not in html and "---------" not in html
    response = client.post(reverse("board:post_report", kwargs={"pk": post.pk}), {"note": "x"})
    assert response.status_code == 422 and "理由を選んでください" in response.content.decode()


def test_a_thread_page_shows_its_region_fields_and_the_badges_of_verified_authors(client, resident):
    from kyoso.regions.models import Field

    member = verified("coord-badge@example.jp", muni="131016", layer="2")
    client.force_login(member)
    start(
        client,
        "cross",
        "地域と分野のある話題",
        "本文です。",
        fields=["shopping"],
        municipality="131016",
    )
    thread = Thread.objects.get(title="地域と分野のある話題")
    client.force_login(resident)
    client.post(
        reverse("board:reply", kwargs={"board": "cross", "pk": thread.pk}), {"body": "返信です。"}
    )
    client.logout()
    html = client.get(thread.get_absolute_url()).content.decode()
    assert "千代田区" in html and Field.objects.get(slug="shopping").name in html
    badge = Verification.objects.get(user=member).badge
    assert f"{badge}・千代田区" in html  # the coordinator's post
    assert html.count('data-type="active"') == 1  # the resident's reply has none
    assert "返信です。" in html


def test_a_renamed_board_is_shown_with_its_new_name_at_once(client):
    assert "分野横断" in client.get("/board/cross/").content.decode()
    board = Board.objects.get(slug="cross")
    board.name = "なんでも掲示板"
    board.save()
    assert "なんでも掲示板" in client.get("/board/cross/").content.decode()


def test_a_board_list_shows_each_viewer_what_they_may_see_in_order_and_by_page(
    client, resident, prefectural_admin
):

    board = Board.objects.get(slug="tokyo")
    other = UserFactory(email="other@example.jp")
    now = timezone.now()
    for n in range(23):
        Thread.objects.create(
            board=board,
            author=other,
            title=f"話題{n:02d}",
            last_activity_at=now - datetime.timedelta(minutes=n),
            last_number=1,
        )
    Thread.objects.create(
        board=board, author=resident, title="非表示の話題", last_activity_at=now, is_hidden=True
    )
    old = now - datetime.timedelta(days=9)
    Thread.objects.create(
        board=board, author=other, title="ピン留めの話題", last_activity_at=old, is_pinned=True
    )
    url = reverse("board:board", kwargs={"board": "tokyo"})
    html = client.get(url).content.decode()
    assert "非表示の話題" not in html and "未読あり" not in html
    titles = re.findall(r'lang="ja">(話題\d\d|ピン留めの話題)</a>', html)
    assert titles[:3] == ["ピン留めの話題", "話題00", "話題01"] and len(titles) == 20
    second = client.get(url, {"page": 2}).content.decode()
    assert re.findall(r'lang="ja">(話題\d\d)</a>', second) == [
        "話題19",
        "話題20",
        "話題21",
        "話題22",
    ]
    client.force_login(resident)  # sees their own hidden thread, and what is unread
    html = client.get(url).content.decode()
    assert "非表示の話題" in html and "未読あり" in html
    client.force_login(prefectural_admin)  # a moderator sees every thread
    assert "非表示の話題" in client.get(url).content.decode()
    client.force_login(other)
    assert "非表示の話題" not in client.get(url).content.decode()


def test_the_cached_home_pages_follow_replies_and_same_problem(
    tokyo, tmp_path, settings, django_capture_on_commit_callbacks
):
    """The national home's board block shows each thread's replies and 「同じ悩み」 count: a
    reply or a 同じ悩み renews the anonymous copy of the home pages."""
    from kyoso.board import actions
    from kyoso.core.tests.test_pagecache import cached_site, call

    author = UserFactory(email="author@example.jp")
    with django_capture_on_commit_callbacks(execute=True):
        thread, _post = actions.thread_create(
            user=author,
            board=Board.objects.get(slug="cross"),
            data={"title": "買い物支援の担い手探し", "body": "どう集めていますか。"},
        )
    with cached_site(tmp_path, settings) as app:
        page = call(app, "/")[2].decode()
        assert "買い物支援の担い手探し" in page and "返信0件" in page
        with django_capture_on_commit_callbacks(execute=True):
            actions.reply_create(user=UserFactory(), thread=thread, body="うちでは回覧板で。")
        assert "返信1件" in call(app, "/")[2].decode()
        with django_capture_on_commit_callbacks(execute=True):
            actions.same_problem_toggle(user=UserFactory(), thread=thread)
        assert "同じ悩み 1人" in call(app, "/")[2].decode()
