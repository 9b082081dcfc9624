"""Notifying followers: rows written in the content's transaction, mail sent by tasks after it
commits — one by one for people who want mail at once, in a daily or weekly digest for the
others. A mail that fails stays pending and is tried again by `manage.py send_notifications`
(run every few minutes); nothing a follower should hear of is lost, and the person who posted
never sees a mail error.

Content apps call `notify()` and register gates: a gate says whether a person may still see a
notification (a members-only board's, once a verification is withdrawn, is neither shown nor
mailed)."""

import datetime
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from .models import Follow, Notification, Preference

SALT = "kyoso.notifications.unsubscribe"
MAX_ATTEMPTS = 10
SLACK = datetime.timedelta(minutes=30)  # a digest run a little early still counts as the day's
_gates: dict[str, Callable] = {}


def register_gate(prefix: str, check: Callable) -> None:
    """check(user, value) → may this person see notifications gated "prefix:value"?"""
    _gates[prefix] = check


def may_see(user, gate: str) -> bool:
    if not gate:
        return True
    prefix, _sep, value = gate.partition(":")
    check = _gates.get(prefix)
    return bool(check and check(user, value))


def followers(targets: Iterable[tuple[str, str]]) -> set[int]:
    """User ids following any of (target, key)."""
    from django.db.models import Q

    query = Q()
    for target, key in targets:
        query |= Q(target=target, key=str(key))
    if not query:
        return set()
    return set(Follow.objects.filter(query).values_list("user_id", flat=True))


def follow(user, target: str, key, label: str = "") -> None:
    Follow.objects.get_or_create(
        user=user, target=target, key=str(key), defaults={"label": label[:200]}
    )


def unfollow(user, target: str, key) -> None:
    Follow.objects.filter(user=user, target=target, key=str(key)).delete()


def is_following(user, target: str, key) -> bool:
    return (
        user.is_authenticated
        and Follow.objects.filter(user=user, target=target, key=str(key)).exists()
    )


def frequencies(user_ids: Iterable[int]) -> dict[int, str]:
    """{user id: how they want mail} for people with a preference (others: at once)."""
    return dict(Preference.objects.filter(user_id__in=user_ids).values_list("user_id", "frequency"))


def notify(*, user_ids: Iterable[int], text: str, url: str, gate: str = "", exclude=()) -> int:
    """Write a notification for each person (inside the caller's transaction) and queue the
    immediate mails for after the commit. Returns how many were written."""
    from django.contrib.auth import get_user_model

    ids = set(user_ids) - {i for i in exclude if i is not None}
    if not ids:
        return 0
    users = get_user_model().objects.filter(pk__in=ids, is_active=True)
    prefs = frequencies(ids)
    rows = []
    for user in users:
        if gate and not may_see(user, gate):
            continue
        wanted = prefs.get(user.pk, Preference.Frequency.IMMEDIATE)
        rows.append(
            Notification(
                user=user,
                text=text[:300],
                url=url,
                gate=gate,
                mail=Notification.Mail.NONE
                if wanted == Preference.Frequency.OFF
                else Notification.Mail.PENDING,
            )
        )
    created = Notification.objects.bulk_create(rows)
    immediate = [
        n.pk
        for n in created
        if n.pk is not None
        and n.mail == Notification.Mail.PENDING
        and prefs.get(n.user_id, Preference.Frequency.IMMEDIATE) == Preference.Frequency.IMMEDIATE
    ]
    if immediate:
        transaction.on_commit(lambda: deliver_task.enqueue(immediate))
    return len(created)


def unsubscribe_token(user) -> str:
    return signing.dumps({"u": user.pk}, salt=SALT)


def user_from_token(token: str):
    from django.contrib.auth import get_user_model

    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    pk = data.get("u") if isinstance(data, dict) else None
    if not isinstance(pk, int):
        return None
    return get_user_model().objects.filter(pk=pk).first()


def _message(
    user, notifications: list[Notification], *, digest: str = ""
) -> EmailMultiAlternatives:
    unsubscribe = settings.SITE_URL + reverse(
        "notifications:unsubscribe", kwargs={"token": unsubscribe_token(user)}
    )
    context = {
        "user": user,
        "notifications": notifications,
        "digest": digest,
        "site_url": settings.SITE_URL,
        "unsubscribe_url": unsubscribe,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("notifications/mail/subject.txt", context).strip()
        body = render_to_string("notifications/mail/body.txt", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
        headers={
            # RFC 8058: one POST to this address unsubscribes, with no sign-in.
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    return message


def _send(user, rows: list[Notification], *, digest: str = "") -> int:
    """Send one mail for `rows`; mark them sent, or count the failed attempt (kept pending).
    Returns how many mails went out (0 or 1)."""
    visible = [n for n in rows if may_see(user, n.gate)]
    hidden = [n.pk for n in rows if n not in visible]
    if hidden:
        Notification.objects.filter(pk__in=hidden).update(mail=Notification.Mail.NONE)
    if not visible:
        return 0
    try:
        _message(user, visible, digest=digest).send()
    except Exception:
        from django.db.models import F

        Notification.objects.filter(pk__in=[n.pk for n in visible]).update(
            mail_attempts=F("mail_attempts") + 1
        )
        return 0
    Notification.objects.filter(pk__in=[n.pk for n in visible]).update(
        mail=Notification.Mail.SENT, mailed_at=timezone.now()
    )
    return 1


@task
def deliver_task(ids: list[int]) -> None:
    deliver(ids)


def deliver(ids: list[int]) -> int:
    """Send the immediate mails for these notifications (one mail per notification)."""
    sent = 0
    rows = list(
        Notification.objects.filter(
            pk__in=ids, mail=Notification.Mail.PENDING, mail_attempts__lt=MAX_ATTEMPTS
        ).select_related("user")
    )
    wanted = frequencies({row.user_id for row in rows})
    for row in rows:
        if (
            wanted.get(row.user_id, Preference.Frequency.IMMEDIATE)
            != Preference.Frequency.IMMEDIATE
        ):
            continue  # changed their mind since: the digest takes it
        sent += _send(row.user, [row])
    return sent


def run(now=None) -> dict[str, int]:
    """The periodic run: retry pending immediate mails, send due daily and weekly digests."""
    now = now or timezone.now()
    result = {"retried": 0, "digests": 0}
    pending = Notification.objects.filter(
        mail=Notification.Mail.PENDING, mail_attempts__lt=MAX_ATTEMPTS
    )
    by_user: dict[int, list[Notification]] = {}
    for row in pending.select_related("user").order_by("created_at", "id"):
        by_user.setdefault(row.user_id, []).append(row)
    prefs = {p.user_id: p for p in Preference.objects.filter(user_id__in=by_user)}
    for user_id, rows in by_user.items():
        user = rows[0].user
        pref = prefs.get(user_id)
        wanted = pref.frequency if pref is not None else Preference.Frequency.IMMEDIATE
        if wanted == Preference.Frequency.IMMEDIATE:
            for row in rows:
                result["retried"] += _send(user, [row])
            continue
        if wanted == Preference.Frequency.OFF:
            Notification.objects.filter(pk__in=[r.pk for r in rows]).update(
                mail=Notification.Mail.NONE
            )
            continue
        period = datetime.timedelta(days=1 if wanted == Preference.Frequency.DAILY else 7)
        due = pref.last_digest_at is None or now - pref.last_digest_at >= period - SLACK
        if not due:
            continue
        if _send(user, rows, digest=wanted):
            Preference.objects.filter(pk=pref.pk).update(last_digest_at=now)
            result["digests"] += 1
    return result


def notify_on_publish(model, *, kind, prefecture_of: Callable) -> None:
    """Notify followers when an object of `model` (a reviewed content type with `title`,
    `fields`, `organisation` and `submitted_by`) is first published. `prefecture_of(obj)` gives
    its prefecture code or None. Called from the content app's ready()."""
    from kyoso.moderation.actions import status_changed

    def receiver(sender, instance, old, new, actor, **kwargs):
        # status_changed is sent after the commit.
        if new != "published" or old == "published":
            return
        pref = prefecture_of(instance)
        notify_published(
            kind=kind,
            title=instance.title,
            url=instance.get_absolute_url(),
            fields=instance.fields.values_list("slug", flat=True),
            prefectures=[pref] if pref else [],
            organisation_id=instance.organisation_id,
            exclude=[instance.submitted_by_id],
        )

    status_changed.connect(
        receiver, sender=model, weak=False, dispatch_uid=f"notify.{model._meta.label_lower}"
    )


def notify_published(
    *,
    kind: str,
    title: str,
    url: str,
    fields: Iterable[str] = (),
    prefectures: Iterable[str] = (),
    organisation_id=None,
    exclude=(),
) -> int:
    """A content app's item was published (an event, a measure…): the followers of its fields,
    its prefectures and its organisation hear of it once."""
    from django.utils.translation import gettext as _

    targets = [("field", slug) for slug in fields]
    targets += [("prefecture", code) for code in prefectures]
    if organisation_id is not None:
        targets.append(("organisation", organisation_id))
    return notify(
        user_ids=followers(targets),
        text=_("新しい%(kind)s：%(title)s") % {"kind": kind, "title": title},
        url=url,
        exclude=exclude,
    )
