"""Read queries for the audit log page."""

from django.db.models import QuerySet

from .models import AuditEntry


def audit_entries(*, platform_ids: set[int] | None, action: str = "") -> QuerySet[AuditEntry]:
    """Entries for the given platforms (None = every platform and site-wide entries)."""
    qs = AuditEntry.objects.select_related("platform__prefecture")
    if platform_ids is not None:
        qs = qs.filter(platform_id__in=platform_ids)
    if action:
        qs = qs.filter(action=action)
    return qs
