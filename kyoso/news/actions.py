"""State changes for notices: create and send for review (the life cycle is moderation's)."""

from django.db import transaction

from kyoso.audit.actions import audit_record
from kyoso.moderation.actions import publishable_submit

from .models import Notice


@transaction.atomic
def notice_create(*, actor, platform, title: str, body: str) -> Notice:
    notice = Notice.objects.create(platform=platform, title=title, body=body, submitted_by=actor)
    audit_record(actor=actor, action="content.create", platform=platform, target=notice)
    return publishable_submit(actor=actor, obj=notice)
