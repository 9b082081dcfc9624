"""State changes for accounts."""

from django.db import transaction

from kyoso.audit.actions import audit_record

from .forms import ProfileForm


@transaction.atomic
def profile_update(*, actor, form: ProfileForm):
    user = form.save()
    audit_record(
        actor=actor,
        action="account.profile_update",
        target=user,
        data={"fields": form.changed_data},
    )
    return user
