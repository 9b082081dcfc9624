"""Edits of reviewable content: staff edits go live (audited); a member's edit of published
content waits as a PendingRevision until another person accepts it. Every edit is checked against
the version it started from, so two people editing at once never silently overwrite each other.

Content apps register a RevisionSpec (kyoso.moderation.registry) and call `content_edit` from
their edit action; the review queue, the diff page and the decisions are shared."""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kyoso.audit.actions import audit_record
from kyoso.core.tasks import send_templated_mail
from kyoso.platforms.access import can_administer, can_moderate

from . import registry
from .actions import TransitionError, check_four_eyes
from .models import PendingRevision, Publishable, RevisionFile, Status

LIVE_STATES = {Status.PUBLISHED, Status.ARCHIVED}


class EditConflict(Exception):
    """Someone else saved the object after this edit started."""


@dataclass
class EditResult:
    applied: bool = False  # live at once
    revision: PendingRevision | None = None  # waiting for review
    fields: list[str] = field(default_factory=list)

    @property
    def unchanged(self) -> bool:
        return not self.applied and self.revision is None


def spec_for(obj) -> registry.RevisionSpec:
    spec = registry.for_model(type(obj)).revisions
    if spec is None:
        raise LookupError(f"{type(obj).__name__} has no RevisionSpec")
    return spec


def label_for(spec: registry.RevisionSpec, model, name: str) -> str:
    if name in spec.labels:
        return str(spec.labels[name])
    try:
        return str(model._meta.get_field(name).verbose_name)
    except Exception:
        return name


def _diff(spec: registry.RevisionSpec, model, current: dict, data: dict) -> dict:
    """field -> (label, now, proposed) for each value of `data` that differs from `current`."""
    return {
        name: (
            label_for(spec, model, name),
            spec.describe(name, current.get(name)),
            spec.describe(name, value),
        )
        for name, value in data.items()
        if current.get(name) != value
    }


def diff_rows(spec: registry.RevisionSpec, obj, data: dict) -> list[tuple[str, str, str]]:
    """(label, now, proposed) for each field whose proposed value differs from the saved one."""
    return list(_diff(spec, type(obj), spec.snapshot(obj), data).values())


def goes_live(actor, obj: Publishable, changed: dict, spec: registry.RevisionSpec) -> bool:
    if obj.status not in LIVE_STATES:
        return True  # not public yet: the reviewer of the submission sees the current state
    if not can_moderate(actor, obj.platform):
        return False
    rights = set(changed) & spec.admin_only_fields
    return not rights or can_administer(actor, obj.platform)


def _bump_version(obj: Publishable, base_version: int | None) -> None:
    model = type(obj)
    qs = model.objects.filter(pk=obj.pk)
    if base_version is not None:
        qs = qs.filter(version=base_version)
    if not qs.update(version=F("version") + 1):
        raise EditConflict
    obj.version = model.objects.filter(pk=obj.pk).values_list("version", flat=True).get()


def _store_files(revision: PendingRevision, files: list[dict]) -> None:
    for item in files:
        stored = RevisionFile(
            revision=revision,
            key=item["key"],
            title=item.get("title", "")[:200],
            original_name=item["original_name"][:255],
            format=item["format"],
            content_type=item["content_type"],
            size=item["upload"].size,
        )
        stored.file.save(item["original_name"], item["upload"], save=False)
        stored.save()


@transaction.atomic
def content_edit(*, actor, obj: Publishable, form, note: str = "") -> EditResult:
    """Apply or propose the edit in `form` (a valid form of the object's registered type)."""
    spec = spec_for(obj)
    fresh = type(obj).objects.get(pk=obj.pk)
    base_version = form.cleaned_data.get("base_version")
    if base_version is not None and base_version != fresh.version:
        raise EditConflict
    current = spec.snapshot(fresh)
    changed = {k: v for k, v in spec.from_form(form).items() if current.get(k) != v}
    files = spec.files_from_form(form)
    if not changed and not files:
        return EditResult()
    if goes_live(actor, fresh, changed, spec):
        _bump_version(fresh, base_version)
        spec.apply(fresh, changed, files, actor, note)
        audit_record(
            actor=actor,
            action="content.update",
            platform=fresh.platform,
            target=fresh,
            data={"fields": sorted(changed), "files": [f["original_name"] for f in files]},
        )
        _after_change(fresh)
        obj.version = fresh.version
        return EditResult(applied=True, fields=sorted(changed))
    content_type = ContentType.objects.get_for_model(type(obj))
    # The new proposal is made from the whole form, so it carries the earlier one's changes too.
    PendingRevision.objects.filter(
        content_type=content_type,
        object_id=obj.pk,
        proposed_by=actor,
        state=PendingRevision.State.PENDING,
    ).update(state=PendingRevision.State.SUPERSEDED)
    revision = PendingRevision.objects.create(
        content_type=content_type,
        object_id=obj.pk,
        platform=fresh.platform,
        proposed_by=actor,
        base_version=fresh.version,
        data=changed,
        changes={name: list(row) for name, row in _diff(spec, type(obj), current, changed).items()},
        note=note[:200],
        admin_only=bool(set(changed) & spec.admin_only_fields),
    )
    _store_files(revision, files)
    audit_record(
        actor=actor,
        action="content.propose",
        platform=fresh.platform,
        target=fresh,
        data={"fields": sorted(changed), "revision": revision.pk},
    )
    return EditResult(revision=revision, fields=sorted(changed))


def _after_change(obj) -> None:
    from kyoso.search.tasks import schedule_index

    schedule_index(obj)


def pending_revision_for(obj, user) -> PendingRevision | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        PendingRevision.objects.filter(
            content_type=ContentType.objects.get_for_model(type(obj)),
            object_id=obj.pk,
            proposed_by=user,
            state=PendingRevision.State.PENDING,
        )
        .order_by("-proposed_at")
        .first()
    )


def check_can_decide(actor, revision: PendingRevision) -> None:
    if not revision.is_pending:
        raise TransitionError(_("この変更の申請はすでに処理されています。"))
    check_four_eyes(actor, revision.proposed_by_id)
    if revision.admin_only and not can_administer(actor, revision.platform):
        raise TransitionError(
            _("種別・名称など権限に関わる変更は、プラットフォームの管理者が判断します。")
        )


def _notify(revision: PendingRevision, accepted: bool) -> None:
    user = revision.proposed_by
    if user is None:
        return
    context = {
        "revision": revision,
        "object": revision.target,
        "accepted": accepted,
        "site_url": settings.SITE_URL,
        "me_url": settings.SITE_URL + reverse("accounts:me"),
    }
    send_templated_mail("moderation/mail/revision_decision", context, [user.email])


@transaction.atomic
def revision_accept(*, actor, revision: PendingRevision) -> PendingRevision:
    check_can_decide(actor, revision)
    obj = revision.target
    if obj is None:
        raise TransitionError(_("変更の対象が見つかりません。"))
    spec = spec_for(obj)
    _bump_version(obj, None)
    files = [
        {
            "key": f.key,
            "title": f.title,
            "upload": f.file,
            "format": f.format,
            "content_type": f.content_type,
            "original_name": f.original_name,
        }
        for f in revision.files.all()
    ]
    spec.apply(obj, revision.data, files, revision.proposed_by, revision.note)
    revision.state = PendingRevision.State.ACCEPTED
    revision.reviewed_by = actor
    revision.reviewed_at = timezone.now()
    revision.save(update_fields=["state", "reviewed_by", "reviewed_at"])
    audit_record(
        actor=actor,
        action="content.revision_accept",
        platform=revision.platform,
        target=obj,
        data={"fields": sorted(revision.data), "revision": revision.pk},
    )
    _after_change(obj)
    _notify(revision, True)
    return revision


@transaction.atomic
def revision_reject(*, actor, revision: PendingRevision, reason: str) -> PendingRevision:
    if not revision.is_pending:
        raise TransitionError(_("この変更の申請はすでに処理されています。"))
    reason = (reason or "").strip()
    if not reason:
        raise TransitionError(_("差し戻しの理由を入力してください。"))
    revision.state = PendingRevision.State.REJECTED
    revision.reviewed_by = actor
    revision.reviewed_at = timezone.now()
    revision.rejection_reason = reason
    revision.save(update_fields=["state", "reviewed_by", "reviewed_at", "rejection_reason"])
    audit_record(
        actor=actor,
        action="content.revision_reject",
        platform=revision.platform,
        target=revision.target,
        data={"reason": reason, "revision": revision.pk},
    )
    _notify(revision, False)
    return revision
