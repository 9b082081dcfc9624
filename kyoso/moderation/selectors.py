"""Read queries for the review queue and for a submitter's own items."""

from dataclasses import dataclass

from .models import Status
from .registry import Moderatable, all_types


@dataclass
class QueueItem:
    type: Moderatable
    obj: object


def pending_items(*, platform_ids: set[int] | None) -> list[QueueItem]:
    """Every pending item of every registered type, oldest request first."""
    items: list[QueueItem] = []
    for entry in all_types():
        qs = entry.model.objects.filter(status=Status.PENDING).select_related(
            "platform__prefecture", "submitted_by"
        )
        if platform_ids is not None:
            qs = qs.filter(platform_id__in=platform_ids)
        items.extend(QueueItem(entry, obj) for obj in qs)
    items.sort(key=lambda item: (item.obj.submitted_at is None, item.obj.submitted_at))
    return items


def submitted_items(*, user) -> list[QueueItem]:
    """What this user submitted, newest first, in every state (rejections show their reason)."""
    items: list[QueueItem] = []
    for entry in all_types():
        qs = entry.model.objects.filter(submitted_by=user).select_related("platform__prefecture")
        items.extend(QueueItem(entry, obj) for obj in qs)
    items.sort(key=lambda item: item.obj.updated_at, reverse=True)
    return items
