"""State changes for measures: register (and send for review), update with 改訂履歴, flag."""

from django.conf import settings
from django.db import transaction

from kyoso.audit.actions import audit_record
from kyoso.core.tasks import send_templated_mail
from kyoso.moderation.actions import publishable_submit
from kyoso.search.tasks import schedule_index

from .forms import MeasureForm
from .models import Attachment, ExternalLink, Measure, Revision


def _save_extras(measure: Measure, form: MeasureForm) -> None:
    data = form.cleaned_data
    upload = data.get("attachment_file")
    if upload:
        attachment = Attachment(
            measure=measure,
            title=data["attachment_title"],
            original_name=upload.name[:255],
            format=form.attachment_format,
            size=upload.size,
        )
        attachment.file.save(upload.name, upload, save=False)
        attachment.save()
    if data.get("link_url"):
        ExternalLink.objects.create(measure=measure, title=data["link_title"], url=data["link_url"])


@transaction.atomic
def measure_register(*, actor, form: MeasureForm, organisation=None) -> Measure:
    measure = form.save(commit=False)
    measure.submitted_by = actor
    measure.organisation = organisation
    measure.save()
    form.save_m2m()
    _save_extras(measure, form)
    audit_record(actor=actor, action="content.create", platform=measure.platform, target=measure)
    return publishable_submit(actor=actor, obj=measure)


@transaction.atomic
def measure_update(*, actor, measure: Measure, form: MeasureForm) -> Measure:
    changed = [name for name in form.changed_data if name not in {"revision_note"}]
    measure = form.save(commit=False)
    measure.needs_update = False if changed else measure.needs_update
    measure.save()
    form.save_m2m()
    _save_extras(measure, form)
    if changed:
        note = form.cleaned_data.get("revision_note") or "内容を更新"
        Revision.objects.create(
            measure=measure, actor=actor, note=note, changes={"fields": changed}
        )
        audit_record(
            actor=actor,
            action="content.update",
            platform=measure.platform,
            target=measure,
            data={"fields": changed, "note": note},
        )
        schedule_index(measure)
    return measure


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
