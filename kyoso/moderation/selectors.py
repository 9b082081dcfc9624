"""Read queries for the review queue and for a submitter's own items."""

from collections import defaultdict
from dataclasses import dataclass

from kyoso.platforms.models import PlatformRole

from .models import PendingRevision, Status
from .registry import Moderatable, all_types, get


@dataclass
class QueueItem:
    type: Moderatable
    obj: object
    revision: PendingRevision | None = None
    escalated: bool = False  # no reviewer on its platform but the submitter: national admins decide
    own: bool = False  # the viewer submitted it, so the viewer cannot approve it

    @property
    def submitted_by(self):
        return self.revision.proposed_by if self.revision else self.obj.submitted_by

    @property
    def submitted_at(self):
        return self.revision.proposed_at if self.revision else self.obj.submitted_at

    @property
    def platform(self):
        return self.revision.platform if self.revision else self.obj.platform


def platform_reviewers() -> dict[int, set[int]]:
    """platform id -> ids of its admins and moderators (one query)."""
    reviewers: dict[int, set[int]] = defaultdict(set)
    for platform_id, user_id in PlatformRole.objects.values_list("platform_id", "user_id"):
        reviewers[platform_id].add(user_id)
    return reviewers


def pending_items(*, platform_ids: set[int] | None, viewer=None) -> list[QueueItem]:
    """Every pending item and pending revision of every registered type, oldest request first."""
    items: list[QueueItem] = []
    for entry in all_types():
        qs = entry.model.objects.filter(status=Status.PENDING).select_related(
            "platform__prefecture", "submitted_by"
        )
        if platform_ids is not None:
            qs = qs.filter(platform_id__in=platform_ids)
        items.extend(QueueItem(entry, obj) for obj in qs)
    revisions = PendingRevision.objects.filter(state=PendingRevision.State.PENDING).select_related(
        "platform__prefecture", "proposed_by", "content_type"
    )
    if platform_ids is not None:
        revisions = revisions.filter(platform_id__in=platform_ids)
    for revision in revisions:
        entry = get(f"{revision.content_type.app_label}.{revision.content_type.model}")
        if entry is not None and revision.target is not None:
            items.append(QueueItem(entry, revision.target, revision=revision))
    reviewers = platform_reviewers()
    viewer_id = getattr(viewer, "pk", None)
    for item in items:
        submitter = item.submitted_by.pk if item.submitted_by else None
        item.escalated = not (reviewers.get(item.platform.pk, set()) - {submitter})
        item.own = viewer_id is not None and submitter == viewer_id
    items.sort(key=lambda item: (item.submitted_at is None, item.submitted_at))
    return items


def submitted_items(*, user) -> list[QueueItem]:
    """What this user submitted, newest first, in every state (rejections show their reason)."""
    items: list[QueueItem] = []
    for entry in all_types():
        qs = entry.model.objects.filter(submitted_by=user).select_related("platform__prefecture")
        items.extend(QueueItem(entry, obj) for obj in qs)
    items.sort(key=lambda item: item.obj.updated_at, reverse=True)
    return items


def proposed_revisions(*, user, limit: int = 20) -> list[QueueItem]:
    """This user's proposed changes (waiting, accepted or sent back), newest first."""
    items = []
    revisions = (
        PendingRevision.objects.filter(proposed_by=user)
        .exclude(state=PendingRevision.State.SUPERSEDED)
        .select_related("platform__prefecture", "content_type")
        .order_by("-proposed_at")[:limit]
    )
    for revision in revisions:
        entry = get(f"{revision.content_type.app_label}.{revision.content_type.model}")
        if entry is not None and revision.target is not None:
            items.append(QueueItem(entry, revision.target, revision=revision))
    return items
