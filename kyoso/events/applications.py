"""Taking part in an event: apply (up to capacity, then the waiting list), cancel with the signed
link from the confirmation mail, the waiting list moving up, mails to everyone when the event is
cancelled or postponed, and erasing applicants' data after the event."""

import datetime

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kyoso.audit.actions import audit_record
from kyoso.core.tasks import send_templated_mail

from .models import Application, Event

SALT = "kyoso.events.application"


class ApplicationClosed(Exception):
    pass


def cancel_token(application: Application) -> str:
    return signing.dumps({"a": application.pk}, salt=SALT)


def application_from_token(token: str) -> Application | None:
    try:
        data = signing.loads(token, salt=SALT, max_age=datetime.timedelta(days=400))
    except signing.BadSignature:
        return None
    pk = data.get("a") if isinstance(data, dict) else None
    if not isinstance(pk, int):
        return None
    return Application.objects.select_related("event").filter(pk=pk).first()


def seats_taken(event: Event) -> int:
    return (
        event.applications.filter(status=Application.Status.CONFIRMED).aggregate(
            n=Sum("party_size")
        )["n"]
        or 0
    )


def places_left(event: Event) -> int | None:
    if event.capacity is None:
        return None
    return max(0, event.capacity - seats_taken(event))


def is_open(event: Event) -> bool:
    now = timezone.now()
    return (
        event.takes_applications
        and event.is_published
        and event.state == Event.State.SCHEDULED
        and event.starts_at > now
        and (event.apply_deadline is None or event.apply_deadline >= now)
    )


def _mail(application: Application, template: str, **extra) -> None:
    if not application.email:
        return
    context = {
        "application": application,
        "event": application.event,
        "site_url": settings.SITE_URL,
        "cancel_url": settings.SITE_URL
        + reverse("events:application_cancel", kwargs={"token": cancel_token(application)}),
        **extra,
    }
    send_templated_mail(f"events/mail/{template}", context, [application.email])


@transaction.atomic
def application_create(*, event: Event, data: dict, user=None) -> Application:
    # The event row is locked while seats are counted (on SQLite the write transaction is).
    event = Event.objects.select_for_update().get(pk=event.pk)
    if not is_open(event):
        raise ApplicationClosed(_("このイベントは、いまは申し込みを受け付けていません。"))
    size = data["party_size"]
    left = places_left(event)
    full = left is not None and size > left
    application = Application.objects.create(
        event=event,
        user=user if user is not None and user.is_authenticated else None,
        name=data["name"],
        email=data.get("email", ""),
        phone=data.get("phone", ""),
        party_size=size,
        needs=data.get("needs", ""),
        status=Application.Status.WAITLISTED if full else Application.Status.CONFIRMED,
    )
    _mail(application, "application_waitlisted" if full else "application_confirmed")
    return application


@transaction.atomic
def application_cancel(*, application: Application) -> list[Application]:
    """Cancels; the waiting list moves up in order while places allow. Returns who moved up."""
    event = Event.objects.select_for_update().get(pk=application.event_id)
    if application.status == Application.Status.CANCELLED:
        return []
    application.status = Application.Status.CANCELLED
    application.cancelled_at = timezone.now()
    application.save(update_fields=["status", "cancelled_at"])
    promoted = []
    if event.capacity is None:
        return promoted
    left = event.capacity - seats_taken(event)
    for waiting in event.applications.filter(status=Application.Status.WAITLISTED):
        if waiting.party_size > left:
            break  # first come, first served: no one jumps the queue
        waiting.status = Application.Status.CONFIRMED
        waiting.save(update_fields=["status"])
        left -= waiting.party_size
        promoted.append(waiting)
        _mail(waiting, "application_promoted")
    return promoted


def mail_applicants(*, actor, event: Event, subject: str, body: str) -> int:
    """The organiser writes to everyone who applied (and has not cancelled)."""
    active = [a for a in event.applications.exclude(status="cancelled") if a.email]
    for application in active:
        _mail(application, "organiser_message", subject=subject, body=body)
    audit_record(
        actor=actor,
        action="events.mail_applicants",
        platform=event.platform,
        target=event,
        data={"subject": subject, "recipients": len(active)},
    )
    return len(active)


def notify_state(event: Event) -> None:
    """Called when an event is cancelled or postponed: every applicant is told."""
    for application in event.applications.exclude(status="cancelled"):
        _mail(application, "event_state")


def purge(now=None) -> int:
    """Erase the names and contacts of applicants to events that ended more than
    EVENT_APPLICATION_RETENTION_DAYS ago (counts stay for the organiser's records)."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.EVENT_APPLICATION_RETENTION_DAYS)
    return Application.objects.filter(event__ends_at__lt=cutoff, anonymised=False).update(
        name="", email="", phone="", needs="", user=None, anonymised=True
    )
