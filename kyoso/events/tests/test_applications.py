"""Taking part: apply without an account, capacity and the waiting list moving up, the signed
cancel link, mails, the organiser's list (CSV, mail to all), and applicants' data kept private
and erased after the event."""

import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from kyoso.events.models import Application

from .test_events import event

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_event(tokyo):
    from kyoso.testing.factories import make_organisation

    org = make_organisation(name="ちよだの会", kana="ちよだのかい", platform=tokyo)
    return event(
        tokyo,
        title="定員2人の体験会",
        capacity=2,
        takes_applications=True,
        organisation=org,
        apply_deadline=timezone.now() + datetime.timedelta(days=2),
    )


def apply(client, e, **data):
    values = {"name": "山田 花子", "email": "hanako@example.jp", "party_size": "1"}
    values.update(data)
    return client.post(f"/events/{e.pk}/apply/", values)


def cancel_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/events/applications/cancel/\S+/)", message.body).group(1)


def test_capacity_waiting_list_and_moving_up(
    client, open_event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = apply(client, open_event, name="一番 さん", email="one@example.jp", party_size="2")
    assert first.status_code == 200 and "参加が確定しました" in first.content.decode()
    assert "【申し込み受付】" in mail.outbox[-1].subject
    link = cancel_path(mail.outbox[-1])
    with django_capture_on_commit_callbacks(execute=True):
        second = apply(client, open_event, name="二番 さん", email="two@example.jp")
    assert "キャンセル待ちで受け付けました" in second.content.decode()
    assert "【キャンセル待ち】" in mail.outbox[-1].subject
    page = client.get(open_event.get_absolute_url()).content.decode()
    assert "キャンセル待ちで申し込む" in page
    # The first applicant cancels with the link from the mail: the second moves up.
    assert "よろしいですか" in client.get(link).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert "取り消しました" in client.post(link).content.decode()
    statuses = dict(Application.objects.values_list("name", "status"))
    assert statuses == {"一番 さん": "cancelled", "二番 さん": "confirmed"}
    assert "【参加確定】" in mail.outbox[-1].subject and mail.outbox[-1].to == ["two@example.jp"]
    assert client.get("/events/applications/cancel/forged-token/").status_code == 404


def test_a_contact_is_needed_and_the_deadline_closes_applications(client, open_event):
    response = apply(client, open_event, email="", phone="")
    assert response.status_code == 422
    assert "メールアドレスか電話番号のどちらか" in response.content.decode()
    assert apply(client, open_event, email="", phone="090-1234-5678").status_code == 200
    open_event.apply_deadline = timezone.now() - datetime.timedelta(minutes=1)
    open_event.save()
    response = apply(client, open_event, name="遅れた 人")
    assert "受け付けていません" in response.content.decode()
    assert not Application.objects.filter(name="遅れた 人").exists()


def test_applicants_data_stays_private(client, open_event, django_user_model):
    from kyoso.directory.models import Membership

    apply(client, open_event, name="秘密 太郎", email="secret@example.jp", needs="車椅子です")
    for path in [
        open_event.get_absolute_url(),
        "/events/",
        "/events/export.csv",
        "/events/export.json",
        "/events/feed/",
        "/events/feed.ics",
        f"/events/{open_event.pk}.ics",
        "/search/?q=太郎",
    ]:
        response = client.get(path)
        body = (
            b"".join(response.streaming_content) if response.streaming else response.content
        ).decode()
        for secret in ("秘密 太郎", "車椅子です", "secret@example.jp"):
            assert secret not in body, (path, secret)
    outsider = django_user_model.objects.create_user(email="out@example.jp", password="x" * 12)
    client.force_login(outsider)
    assert client.get(f"/events/{open_event.pk}/applications/").status_code == 403
    owner = django_user_model.objects.create_user(email="owner@example.jp", password="x" * 12)
    Membership.objects.create(organisation=open_event.organisation, user=owner, role="owner")
    client.force_login(owner)
    listing = client.get(f"/events/{open_event.pk}/applications/").content.decode()
    assert "秘密 太郎" in listing and "車椅子です" in listing
    csv_body = b"".join(
        client.get(f"/events/{open_event.pk}/applications.csv").streaming_content
    ).decode()
    assert csv_body.startswith("\ufeff受付番号,状態,お名前") and "secret@example.jp" in csv_body


def test_organiser_mails_everyone_and_cancelling_tells_applicants(
    client, open_event, national_admin, django_capture_on_commit_callbacks
):
    apply(client, open_event, name="甲", email="a@example.jp")
    apply(client, open_event, name="乙", email="", phone="03-1111-2222")
    client.force_login(national_admin)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/events/{open_event.pk}/applications/mail/",
            {"subject": "会場の変更", "body": "2階の会議室に変わりました。"},
        )
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["a@example.jp"]]  # phone-only applicants get no mail
    assert "会場の変更" in mail.outbox[0].subject and "2階の会議室" in mail.outbox[0].body
    from kyoso.audit.models import AuditEntry

    assert AuditEntry.objects.filter(action="events.mail_applicants").exists()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/events/{open_event.pk}/state/", {"state": "cancelled", "note": "大雪のため。"}
        )
    assert [m.to for m in mail.outbox] == [["a@example.jp"]]
    assert "【中止】" in mail.outbox[0].subject and "大雪のため。" in mail.outbox[0].body


def test_personal_data_is_erased_after_the_event(client, open_event, settings):
    apply(client, open_event, name="消える 人", email="gone@example.jp")
    call_command("purge_event_applications")
    assert Application.objects.get().name == "消える 人"  # the event has not happened yet
    open_event.starts_at = timezone.now() - datetime.timedelta(days=40)
    open_event.ends_at = open_event.starts_at + datetime.timedelta(hours=2)
    open_event.save()
    settings.EVENT_APPLICATION_RETENTION_DAYS = 30
    call_command("purge_event_applications")
    erased = Application.objects.get()
    assert (erased.name, erased.email, erased.anonymised) == ("", "", True)
    assert erased.party_size == 1  # counts stay


def test_signed_in_applicants_see_their_applications_on_my_page(client, open_event, resident):
    client.force_login(resident)
    apply(client, open_event, name="住民 さん")
    html = client.get("/accounts/me/").content.decode()
    assert "申し込んだイベント" in html and "定員2人の体験会" in html and "取り消す" in html


def test_the_form_says_one_contact_is_required_before_sending(client, open_event):
    html = client.get(f"/events/{open_event.pk}/apply/").content.decode()
    assert html.count("※メールアドレスか電話番号のどちらかが必須") == 2


def test_the_cached_event_page_shows_the_places_left_after_each_application(
    open_event, tmp_path, settings, django_capture_on_commit_callbacks
):
    """An anonymous visitor's copy of the event page (the whole-page cache) follows the places
    left: an application or a cancellation changes what the page says."""
    from kyoso.core.tests.test_pagecache import cached_site, call
    from kyoso.events import applications

    path = open_event.get_absolute_url()
    with cached_site(tmp_path, settings) as app:
        assert "残り2人" in call(app, path)[2].decode()
        assert "残り2人" in call(app, path)[2].decode()  # now from the cache
        # (Not through the test client: it connects the closing of connections again.)
        with django_capture_on_commit_callbacks(execute=True):
            taken = applications.application_create(
                event=open_event, data={"name": "山田 花子", "party_size": 2}
            )
        page = call(app, path)[2].decode()
        assert "満席です" in page and "残り2人" not in page
        with django_capture_on_commit_callbacks(execute=True):
            applications.application_cancel(application=taken)
        assert "残り2人" in call(app, path)[2].decode()


def test_cached_pages_are_kept_until_an_event_starts_ends_or_closes(client, open_event, tokyo):
    """The event page offers the form until the deadline; the lists and the home pages show an
    event as upcoming until it ends: anonymous copies are kept until the next such moment."""
    from kyoso.core.pagecache import STORE_HEADER

    response = client.get(open_event.get_absolute_url())
    assert "参加を申し込む" in response.content.decode()
    assert float(response[STORE_HEADER]) == pytest.approx(open_event.apply_deadline.timestamp())
    now = timezone.now()
    under_way = event(
        tokyo,
        title="開催中の体験会",
        starts_at=now - datetime.timedelta(hours=1),
        ends_at=now + datetime.timedelta(hours=1),
    )
    for path in ("/events/", "/", open_event.get_absolute_url()):
        response = client.get(path)
        assert float(response[STORE_HEADER]) == pytest.approx(under_way.ends_at.timestamp()), path
