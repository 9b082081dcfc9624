"""State changes for local issues, answers and meeting records. Posting notifies the people it
concerns through the notifications app (mails follow each person's choice: at once, daily,
weekly or none)."""

from django.db import transaction
from django.utils.translation import gettext as _

from kyoso.audit.actions import audit_record
from kyoso.directory.models import Membership
from kyoso.notifications.delivery import notify, notify_published
from kyoso.platforms.models import Platform
from kyoso.search.tasks import schedule_index

from .matching import organisations_for
from .models import Answer, LocalIssue, Meeting, Message


def _platform_of(municipality) -> Platform:
    return Platform.objects.get(prefecture_id=municipality.prefecture_id)


def _save_issue(issue: LocalIssue, form) -> LocalIssue:
    data = form.cleaned_data
    issue.title = data["title"]
    issue.description = data["description"]
    issue.partner_needs = data.get("partner_needs", "")
    issue.deadline = data.get("deadline")
    issue.partner_kinds = sorted(data.get("partner_kinds") or [])
    issue.municipality = data["municipality"]
    issue.platform = _platform_of(issue.municipality)
    issue.save()
    issue.fields.set(data["fields"])
    schedule_index(issue)
    return issue


@transaction.atomic
def issue_create(*, actor, form, meeting=None) -> LocalIssue:
    issue = _save_issue(LocalIssue(author=actor, meeting=meeting), form)
    orgs = [s.obj.pk for s in organisations_for(issue, limit=20)]
    members = set(
        Membership.objects.filter(organisation_id__in=orgs).values_list("user_id", flat=True)
    )
    notify(
        user_ids=members,
        text=_("あなたの団体の地域・分野に合う地域課題：%(title)s") % {"title": issue.title},
        url=issue.get_absolute_url(),
        exclude=[actor.pk],
    )
    notify_published(
        kind=_("地域課題"),
        title=issue.title,
        url=issue.get_absolute_url(),
        fields=issue.fields.values_list("slug", flat=True),
        prefectures=[issue.municipality.prefecture_id],
        exclude=[actor.pk, *members],
    )
    return issue


@transaction.atomic
def issue_update(*, actor, issue: LocalIssue, form) -> LocalIssue:
    return _save_issue(issue, form)


@transaction.atomic
def issue_set_state(*, actor, issue: LocalIssue, state: str) -> LocalIssue:
    issue.state = state
    issue.save(update_fields=["state", "updated_at"])
    schedule_index(issue)
    people = set(issue.answers.values_list("author_id", flat=True))
    notify(
        user_ids=people,
        text=_("地域課題「%(title)s」が「%(state)s」になりました")
        % {"title": issue.title, "state": issue.get_state_display()},
        url=issue.get_absolute_url(),
        exclude=[actor.pk],
    )
    return issue


@transaction.atomic
def issue_hide(*, actor, issue: LocalIssue, reason: str) -> LocalIssue:
    issue.is_hidden = True
    issue.hidden_reason = reason
    issue.save(update_fields=["is_hidden", "hidden_reason", "updated_at"])
    audit_record(
        actor=actor,
        action="local.issue_hide",
        platform=issue.platform,
        target=issue,
        data={"reason": reason},
    )
    schedule_index(issue)
    return issue


@transaction.atomic
def issue_restore(*, actor, issue: LocalIssue) -> LocalIssue:
    issue.is_hidden = False
    issue.hidden_reason = ""
    issue.save(update_fields=["is_hidden", "hidden_reason", "updated_at"])
    audit_record(actor=actor, action="local.issue_restore", platform=issue.platform, target=issue)
    schedule_index(issue)
    return issue


@transaction.atomic
def answer_create(*, actor, issue: LocalIssue, organisation, body: str) -> Answer:
    answer, _created = Answer.objects.get_or_create(
        issue=issue, organisation=organisation, defaults={"author": actor}
    )
    Message.objects.create(answer=answer, author=actor, body=body)
    notify(
        user_ids=[issue.author_id],
        text=_("「%(org)s」から「協力できます」：%(title)s")
        % {"org": organisation.name, "title": issue.title},
        url=answer.get_absolute_url(),
        exclude=[actor.pk],
    )
    return answer


@transaction.atomic
def message_create(*, actor, answer: Answer, body: str) -> Message:
    message = Message.objects.create(answer=answer, author=actor, body=body)
    people = {answer.issue.author_id} | set(
        Membership.objects.filter(organisation_id=answer.organisation_id).values_list(
            "user_id", flat=True
        )
    )
    notify(
        user_ids=people,
        text=_("地域課題「%(title)s」への協力について新しいメッセージ")
        % {"title": answer.issue.title},
        url=answer.get_absolute_url(),
        exclude=[actor.pk],
    )
    return message


def _attach(meeting: Meeting, form) -> None:
    upload = form.cleaned_data.get("attachment_upload")
    if upload:
        old = meeting.attachment.name if meeting.attachment else ""
        meeting.attachment.save(upload.name, upload, save=False)
        meeting.attachment_name = upload.name[:200]
        if old:
            storage = meeting.attachment.storage
            transaction.on_commit(lambda: storage.delete(old))


@transaction.atomic
def meeting_save(*, actor, form, meeting: Meeting | None = None) -> Meeting:
    meeting = form.save(commit=False)
    if meeting.pk is None:
        meeting.author = actor
    meeting.municipality = form.cleaned_data["municipality"]
    meeting.platform = _platform_of(meeting.municipality)
    meeting.participants = form.participants()
    _attach(meeting, form)
    meeting.save()
    return meeting
