"""The shared review life cycle."""

import pytest
from django.core import mail

from kyoso.audit.models import AuditEntry
from kyoso.moderation.actions import (
    TransitionError,
    publishable_approve,
    publishable_archive,
    publishable_reject,
    publishable_restore,
    publishable_submit,
)
from kyoso.moderation.models import Status
from kyoso.testing.factories import NoticeFactory

pytestmark = pytest.mark.django_db


def test_draft_to_pending_to_published(national_admin, django_capture_on_commit_callbacks):
    notice = NoticeFactory()
    publishable_submit(actor=notice.submitted_by, obj=notice)
    assert notice.status == Status.PENDING
    assert notice.submitted_at is not None
    with django_capture_on_commit_callbacks(execute=True):
        publishable_approve(actor=national_admin, obj=notice)
    notice.refresh_from_db()
    assert notice.status == Status.PUBLISHED
    assert notice.published_at is not None
    assert notice.reviewed_by == national_admin
    assert [m.to for m in mail.outbox] == [[notice.submitted_by.email]]
    assert "公開されました" in mail.outbox[0].subject
    actions = list(AuditEntry.objects.order_by("id").values_list("action", flat=True))
    assert actions == ["content.submit", "content.approve"]


def test_rejection_keeps_the_reason_for_the_submitter(
    national_admin, django_capture_on_commit_callbacks
):
    notice = NoticeFactory(pending=True)
    with django_capture_on_commit_callbacks(execute=True):
        publishable_reject(actor=national_admin, obj=notice, reason="日付を追記してください。")
    notice.refresh_from_db()
    assert notice.status == Status.REJECTED
    assert notice.rejection_reason == "日付を追記してください。"
    assert "日付を追記してください。" in mail.outbox[0].body
    # Fixed and resubmitted: the old reason is cleared.
    publishable_submit(actor=notice.submitted_by, obj=notice)
    assert notice.status == Status.PENDING
    assert notice.rejection_reason == ""


def test_rejection_needs_a_reason(national_admin):
    notice = NoticeFactory(pending=True)
    with pytest.raises(TransitionError):
        publishable_reject(actor=national_admin, obj=notice, reason="  ")
    notice.refresh_from_db()
    assert notice.status == Status.PENDING


@pytest.mark.parametrize(
    ("status", "action"),
    [
        (Status.DRAFT, publishable_approve),
        (Status.PUBLISHED, publishable_approve),
        (Status.PUBLISHED, publishable_submit),
        (Status.DRAFT, publishable_archive),
        (Status.PUBLISHED, publishable_restore),
    ],
)
def test_moves_that_skip_the_life_cycle_are_refused(national_admin, status, action):
    notice = NoticeFactory(status=status)
    with pytest.raises(TransitionError):
        action(actor=national_admin, obj=notice)
    notice.refresh_from_db()
    assert notice.status == status
    assert not AuditEntry.objects.exists()


def test_archive_and_restore(national_admin):
    notice = NoticeFactory(published=True)
    publishable_archive(actor=national_admin, obj=notice)
    assert notice.status == Status.ARCHIVED
    publishable_restore(actor=national_admin, obj=notice)
    assert notice.status == Status.PUBLISHED
