"""State changes for measures: register (and send for review), update with 改訂履歴, flag."""

from django.conf import settings
from django.db import transaction

from kyoso.audit.actions import audit_record
from kyoso.core.tasks import send_templated_mail
from kyoso.moderation.actions import publishable_submit
from kyoso.moderation.revisions import EditResult, content_edit

from .forms import MeasureForm
from .models import Measure
from .revisions import apply_values, form_files


@transaction.atomic
def measure_register(*, actor, form: MeasureForm, organisation=None) -> Measure:
    measure = form.save(commit=False)
    measure.submitted_by = actor
    measure.organisation = organisation
    measure.save()
    form.save_m2m()
    extras = {}
    if form.cleaned_data.get("link_url"):
        extras["new_link"] = {
            "title": form.cleaned_data["link_title"],
            "url": form.cleaned_data["link_url"],
        }
    apply_values(measure, extras, form_files(form), actor)
    audit_record(actor=actor, action="content.create", platform=measure.platform, target=measure)
    return publishable_submit(actor=actor, obj=measure)


def measure_update(*, actor, measure: Measure, form: MeasureForm) -> EditResult:
    """Staff edits go live with a 改訂履歴 entry; a member's edit of a published measure (its
    attachments included) waits for review (kyoso.moderation.revisions)."""
    note = form.cleaned_data.get("revision_note") or ""
    return content_edit(actor=actor, obj=measure, form=form, note=note)


@transaction.atomic
def measure_flag(*, actor, measure: Measure, note: str) -> Measure:
    measure.needs_update = True
    measure.needs_update_note = note
    measure.save(update_fields=["needs_update", "needs_update_note", "updated_at"])
    audit_record(
        actor=actor,
        action="measures.flag",
        platform=measure.platform,
        target=measure,
        data={"note": note},
    )
    if measure.submitted_by is not None:
        context = {"measure": measure, "note": note, "site_url": settings.SITE_URL}
        send_templated_mail("measures/mail/flag", context, [measure.submitted_by.email])
    return measure
