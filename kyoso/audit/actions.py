"""audit_record(): called by every action, inside its transaction."""

from typing import Any

from django.db import models

from .models import AuditEntry


def audit_record(
    *,
    actor,
    action: str,
    platform=None,
    target: models.Model | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    actor_obj = actor if actor is not None and actor.is_authenticated else None
    return AuditEntry.objects.create(
        actor=actor_obj,
        actor_email=getattr(actor_obj, "email", "") or "",
        action=action,
        platform=platform,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_repr=str(target)[:200] if target is not None else "",
        data=data or {},
    )
