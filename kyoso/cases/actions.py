"""State changes for cases: submit for review, edit (reviewed when published)."""

from django.db import transaction

from kyoso.audit.actions import audit_record
from kyoso.moderation.actions import publishable_submit
from kyoso.moderation.revisions import EditResult, content_edit
from kyoso.platforms.models import Platform

from .forms import CaseForm
from .models import Case
from .revisions import apply_values, form_files, form_values


@transaction.atomic
def case_submit(*, actor, form: CaseForm, organisation=None) -> Case:
    data = form_values(form)
    case = Case(
        platform=Platform.objects.get(prefecture_id=data["prefecture"]),
        prefecture_id=data["prefecture"],
        submitted_by=actor,
        organisation=organisation,
        started_year=data["started_year"],
    )
    apply_values(case, data, form_files(form), actor)
    audit_record(actor=actor, action="content.create", platform=case.platform, target=case)
    return publishable_submit(actor=actor, obj=case)


def case_update(*, actor, case: Case, form: CaseForm) -> EditResult:
    """Staff edits (and edits before publication) go live; a member's edit of a published case
    waits for review as a pending revision."""
    return content_edit(actor=actor, obj=case, form=form)
