"""Follows and notifications for every section: a published event reaches the followers of its
prefecture, fields and organisation; gated notifications disappear with the right they needed."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from kyoso.accounts.models import Verification
from kyoso.board.models import Board, Post, Thread
from kyoso.events.models import Event
from kyoso.moderation.actions import publishable_approve
from kyoso.notifications import delivery
from kyoso.notifications.models import Follow, Notification
from kyoso.regions.models import Field
from kyoso.testing.factories import UserFactory, make_organisation

pytestmark = pytest.mark.django_db


def test_a_published_event_reaches_followers_of_its_prefecture_field_and_organisation(
    client, tokyo, national_admin, resident, django_capture_on_commit_callbacks
):
    org = make_organisation(name="ちよだ見守り隊", kana="ちよだみまもりたい", platform=tokyo)
    by_pref, by_field, by_org, unrelated = (UserFactory() for _ in range(4))
    delivery.follow(by_pref, "prefecture", "13")
    delivery.follow(by_field, "field", "watching-over")
    delivery.follow(by_org, "organisation", org.pk)
    delivery.follow(unrelated, "prefecture", "27")
    event = Event.objects.create(
        platform=tokyo,
        title="見守りの交流会",
        title_kana="みまもりのこうりゅうかい",
        description="交流会です。",
        starts_at=timezone.now() + datetime.timedelta(days=7),
        ends_at=timezone.now() + datetime.timedelta(days=7, hours=2),
        format="venue",
        municipality_id="131016",
        audiences=["resident"],
        organisation=org,
        submitted_by=resident,
        status="pending",
    )
    event.fields.set(Field.objects.filter(slug="watching-over"))
    with django_capture_on_commit_callbacks(execute=True):
        publishable_approve(actor=national_admin, obj=event)
    notified = set(Notification.objects.values_list("user_id", flat=True))
    assert notified == {by_pref.pk, by_field.pk, by_org.pk}
    assert Notification.objects.filter(text__contains="見守りの交流会").count() == 3


def test_following_needs_something_real_and_visible(client, resident, tokyo):
    client.force_login(resident)
    url = reverse("notifications:follow")
    assert client.post(url, {"target": "prefecture", "key": "99", "follow": "1"}).status_code == 404
    room = Board.objects.create(
        slug="room", name="部屋", kind="topic", platform=tokyo, members_only=True
    )
    assert client.post(url, {"target": "board", "key": room.pk, "follow": "1"}).status_code == 404
    response = client.post(url, {"target": "field", "key": "shopping", "follow": "1"})
    assert response.status_code == 302
    assert Follow.objects.filter(user=resident, target="field", key="shopping").exists()


def test_a_withdrawn_verification_withdraws_the_rooms_notifications(client, tokyo):
    member = UserFactory()
    row = Verification.objects.create(
        user=member,
        role="municipal",
        municipality_id="131016",
        status="approved",
        decided_at=timezone.now(),
    )
    room = Board.objects.create(
        slug="room", name="部屋", kind="topic", platform=tokyo, members_only=True
    )
    thread = Thread.objects.create(
        board=room, author=UserFactory(), title="部屋の話題", last_activity_at=timezone.now()
    )
    Post.objects.create(thread=thread, number=1, author=thread.author, body="本文")
    delivery.notify(
        user_ids=[member.pk], text="部屋の話題に返信", url="/x/", gate=f"board:{room.pk}"
    )
    client.force_login(member)
    assert "部屋の話題に返信" in client.get(reverse("notifications:list")).content.decode()
    Verification.objects.filter(pk=row.pk).update(status="withdrawn")
    client.force_login(member)
    assert "部屋の話題に返信" not in client.get(reverse("notifications:list")).content.decode()
    assert delivery.run()["retried"] == 0  # and no mail goes out for it
    assert Notification.objects.get(user=member).mail == "none"
