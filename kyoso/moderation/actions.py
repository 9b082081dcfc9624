"""The review life cycle: draft → pending → published | rejected → archived.

Every transition is one function here; each checks that the move is allowed from the current
state, writes an audit record and, after commit, tells listeners (search index, mail)."""

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _

from kyoso.audit.actions import audit_record

from .models import Publishable, Status

# Sent after commit with sender=model class, instance=obj, old=str, new=str.
status_changed = Signal()

ALLOWED = {
    "submit": {Status.DRAFT, Status.REJECTED},
    "approve": {Status.PENDING},
    "reject": {Status.PENDING},
    "archive": {Status.PUBLISHED},
    "restore": {Status.ARCHIVED},
}


class TransitionError(Exception):
    """The object is not in a state that allows this move (shown to the user as a message)."""


def _move(obj: Publishable, *, verb: str, actor, new: str, data: dict | None = None) -> None:
    old = obj.status
    if old not in ALLOWED[verb]:
        raise TransitionError(
            _("「%(status)s」の状態からはこの操作はできません。")
            % {"status": obj.get_status_display()}
        )
    obj.status = new
    obj.save()
    audit_record(
        actor=actor, action=f"content.{verb}", platform=obj.platform, target=obj, data=data
    )
    model = type(obj)
    transaction.on_commit(
        lambda: status_changed.send(sender=model, instance=obj, old=old, new=new, actor=actor)
    )


@transaction.atomic
def publishable_submit(*, actor, obj: Publishable) -> Publishable:
    obj.submitted_by = obj.submitted_by or actor
    obj.submitted_at = timezone.now()
    obj.rejection_reason = ""
    _move(obj, verb="submit", actor=actor, new=Status.PENDING)
    return obj


def check_four_eyes(actor, submitter_id) -> None:
    """No one approves their own submission or revision, whatever their role."""
    if actor is not None and submitter_id is not None and actor.pk == submitter_id:
        raise TransitionError(
            _("ご自身の申請は承認できません。ほかの管理者・モデレーターが審査します。")
        )


@transaction.atomic
def publishable_approve(*, actor, obj: Publishable) -> Publishable:
    check_four_eyes(actor, obj.submitted_by_id)
    now = timezone.now()
    obj.reviewed_by = actor
    obj.reviewed_at = now
    obj.published_at = obj.published_at or now
    obj.rejection_reason = ""
    _move(obj, verb="approve", actor=actor, new=Status.PUBLISHED)
    return obj


@transaction.atomic
def publishable_reject(*, actor, obj: Publishable, reason: str) -> Publishable:
    reason = (reason or "").strip()
    if not reason:
        raise TransitionError(_("差し戻しの理由を入力してください。"))
    obj.reviewed_by = actor
    obj.reviewed_at = timezone.now()
    obj.rejection_reason = reason
    _move(obj, verb="reject", actor=actor, new=Status.REJECTED, data={"reason": reason})
    return obj


@transaction.atomic
def publishable_archive(*, actor, obj: Publishable) -> Publishable:
    _move(obj, verb="archive", actor=actor, new=Status.ARCHIVED)
    return obj


@transaction.atomic
def publishable_restore(*, actor, obj: Publishable) -> Publishable:
    _move(obj, verb="restore", actor=actor, new=Status.PUBLISHED)
    return obj
