"""Read queries for the review queue and for a submitter's own items."""

from collections import defaultdict
from dataclasses import dataclass

from kyoso.core.prepared import Prepared, prepared_for
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


@dataclass(frozen=True)
class Waiting:
    """One waiting item in a few plain values: enough to order, count and escalate a queue of
    any length; only a page of them is loaded as objects (`load_items`)."""

    submitted_at: object
    type_key: str
    pk: int
    revision_pk: int | None
    platform_id: int
    submitter_id: int | None


def waiting(*, platform_ids: set[int] | None) -> list[Waiting]:
    """Every waiting item and revision as plain values. For the whole country or one platform
    (national and prefectural reviewers) each type's query is prepared once per process
    (kyoso.core.prepared): the queue of every type read in eight queries that the ORM does not
    build again."""
    ids = sorted(platform_ids) if platform_ids is not None else None
    one = ids is not None and len(ids) == 1
    args = tuple(ids) if one else ()
    rows: list[Waiting] = []
    for entry in all_types():
        if ids is None or one:
            found = _prepared(entry.key, one, _items_query).rows(*args)
        else:
            found = _items_query(entry.key, one).filter(platform_id__in=ids)
        rows += [
            Waiting(at, entry.key, pk, None, platform_id, submitter)
            for pk, at, platform_id, submitter in found
        ]
    if ids is None or one:
        revisions = _prepared("revisions", one, _revisions_query).rows(*args)
    else:
        revisions = _revisions_query("revisions", one).filter(platform_id__in=ids)
    for pk, at, platform_id, submitter, app, model, object_id in revisions:
        rows.append(Waiting(at, f"{app}.{model}", object_id, pk, platform_id, submitter))
    rows.sort(key=lambda w: (w.submitted_at is None, w.submitted_at))
    return rows


def _prepared(key: str, one: bool, build) -> Prepared:
    """The waiting items of a type (or the revisions) for the whole country, or for one
    platform (its id the query's one parameter)."""
    if one:
        return prepared_for(
            ("moderation", key, True),
            lambda platform: build(key, True).filter(platform_id=platform),
        )
    return prepared_for(("moderation", key, False), lambda: build(key, False))


def _items_query(key: str, one: bool):
    return (
        get(key)
        .model.objects.filter(status=Status.PENDING)
        .values_list("pk", "submitted_at", "platform_id", "submitted_by_id")
    )


def _revisions_query(key: str, one: bool):
    return PendingRevision.objects.filter(state=PendingRevision.State.PENDING).values_list(
        "pk",
        "proposed_at",
        "platform_id",
        "proposed_by_id",
        "content_type__app_label",
        "content_type__model",
        "object_id",
    )


def is_escalated(reviewers: dict[int, set[int]], platform_id: int, submitter_id) -> bool:
    """No one but the submitter reviews on that platform: the national admins decide."""
    return not (reviewers.get(platform_id, set()) - {submitter_id})


def escalated(rows: list[Waiting], reviewers: dict[int, set[int]]) -> list[bool]:
    return [is_escalated(reviewers, w.platform_id, w.submitter_id) for w in rows]


def load_items(rows: list[Waiting], *, viewer=None, reviewers=None) -> list[QueueItem]:
    """QueueItems (objects loaded, one query per type) for a page of waiting rows."""
    by_type: dict[str, set[int]] = {}
    for w in rows:
        by_type.setdefault(w.type_key, set()).add(w.pk)
    objects = {}
    for key, pks in by_type.items():
        entry = get(key)
        if entry is None:
            continue
        for obj in entry.model.objects.filter(pk__in=pks).select_related(
            "platform__prefecture", "submitted_by"
        ):
            objects[(key, obj.pk)] = obj
    revision_pks = [w.revision_pk for w in rows if w.revision_pk is not None]
    revisions = PendingRevision.objects.in_bulk(revision_pks) if revision_pks else {}
    reviewers = platform_reviewers() if reviewers is None else reviewers
    viewer_id = getattr(viewer, "pk", None)
    items = []
    for w, up in zip(rows, escalated(rows, reviewers), strict=True):
        obj = objects.get((w.type_key, w.pk))
        if obj is None:
            continue
        revision = revisions.get(w.revision_pk) if w.revision_pk else None
        if revision is not None:
            revision.__dict__["_target"] = obj
        item = QueueItem(get(w.type_key), obj, revision=revision, escalated=up)
        item.own = viewer_id is not None and w.submitter_id == viewer_id
        items.append(item)
    return items


def pending_items(*, platform_ids: set[int] | None, viewer=None) -> list[QueueItem]:
    """Every pending item and pending revision of every registered type, oldest request first."""
    return load_items(waiting(platform_ids=platform_ids), viewer=viewer)


def submitted_items(*, user) -> list[QueueItem]:
    """What this user submitted, newest first, in every state (rejections show their reason).
    One query compiled once per type (kyoso.core.prepared) and the platforms read once, instead
    of a queryset joining platform and prefecture built for every type on every visit (on
    PostgreSQL that building was about a fifth of マイページ)."""
    from kyoso.core.prepared import instance
    from kyoso.platforms.models import Platform

    items: list[QueueItem] = []
    for entry in all_types():
        query = prepared_for(
            ("moderation.submitted", entry.key),
            lambda uid, model=entry.model: model.objects.filter(submitted_by_id=uid),
        )
        items += [
            QueueItem(entry, instance(entry.model, query.names, row)) for row in query.rows(user.pk)
        ]
    if items:
        platforms = Platform.objects.select_related("prefecture").in_bulk(
            {item.obj.platform_id for item in items}
        )
        for item in items:
            item.obj._state.fields_cache["platform"] = platforms.get(item.obj.platform_id)
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
