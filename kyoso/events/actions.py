"""State changes for events: register (and send for review), edit (reviewed when published),
cancel / postpone / restore (at once, audited: a cancellation must not wait for a review)."""

from django.db import transaction

from kyoso.audit.actions import audit_record
from kyoso.moderation.actions import publishable_submit
from kyoso.moderation.revisions import EditResult, content_edit
from kyoso.search.tasks import schedule_index

from .forms import EventForm
from .models import Event
from .revisions import apply_values, form_files, form_values


@transaction.atomic
def event_register(*, actor, form: EventForm, organisation=None) -> Event:
    event = Event(
        platform=form.cleaned_data["platform"], submitted_by=actor, organisation=organisation
    )
    values = form_values(form)
    if not values["organiser"] and organisation is not None:
        values["organiser"] = organisation.name
    apply_values(event, values, form_files(form), actor)
    audit_record(actor=actor, action="content.create", platform=event.platform, target=event)
    return publishable_submit(actor=actor, obj=event)


def event_update(*, actor, event: Event, form: EventForm) -> EditResult:
    """Staff edits go live; a member's edit of a published event waits for review."""
    return content_edit(actor=actor, obj=event, form=form)


@transaction.atomic
def event_set_state(*, actor, event: Event, state: str, note: str = "") -> Event:
    """中止 / 延期 / 予定どおり: shown everywhere at once (the page, lists, feeds, calendars)."""
    event.state = state
    event.state_note = note if state != Event.State.SCHEDULED else ""
    event.sequence += 1
    event.save(update_fields=["state", "state_note", "sequence", "updated_at"])
    audit_record(
        actor=actor,
        action=f"events.{state}",
        platform=event.platform,
        target=event,
        data={"note": note} if note else None,
    )
    schedule_index(event)
    if state != Event.State.SCHEDULED:
        from .applications import notify_state

        notify_state(event)
    return event
