"""Who may do what with local issues and meeting records. Rights come from verifications and
memberships that admins granted, never from a field a person edits:

- a verified coordinator or municipal officer posts local issues and records meetings;
- members of a listed organisation answer 「協力できます」 for it;
- an answer's conversation is for the issue's poster, the organisation's members and the
  platform's moderators;
- a meeting record is for the verified members of its prefecture, its author and the platform's
  staff (404 to everyone else)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from kyoso.accounts.verification import approved
from kyoso.directory.models import Membership
from kyoso.platforms.access import can_administer, can_moderate

from .models import Answer, LocalIssue, Meeting


def can_post(user) -> bool:
    return approved(user) is not None


def can_manage_issue(user, issue: LocalIssue) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and (issue.author_id == user.pk or can_administer(user, issue.platform))
    )


def access_issue(user, pk: int) -> LocalIssue:
    issue = (
        LocalIssue.objects.select_related("platform", "municipality__prefecture", "author")
        .filter(pk=pk)
        .first()
    )
    if issue is None:
        raise Http404
    if issue.is_hidden and not (
        getattr(user, "is_authenticated", False)
        and (issue.author_id == user.pk or can_moderate(user, issue.platform))
    ):
        raise Http404
    return issue


def access_issue_manage(user, pk: int) -> LocalIssue:
    issue = access_issue(user, pk)
    if not can_manage_issue(user, issue):
        raise PermissionDenied
    return issue


def can_see_answer(user, answer: Answer) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    issue = answer.issue
    return (
        issue.author_id == user.pk
        or can_moderate(user, issue.platform)
        or Membership.objects.filter(organisation_id=answer.organisation_id, user=user).exists()
    )


def access_answer(user, pk: int) -> Answer:
    answer = Answer.objects.select_related("issue__platform", "organisation").filter(pk=pk).first()
    if answer is None or not can_see_answer(user, answer):
        raise Http404
    return answer


def can_see_meeting(user, meeting: Meeting) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if meeting.author_id == user.pk or can_moderate(user, meeting.platform):
        return True
    mine = approved(user)
    return (
        mine is not None and mine.municipality.prefecture_id == meeting.municipality.prefecture_id
    )


def access_meeting(user, pk: int) -> Meeting:
    meeting = (
        Meeting.objects.select_related("platform", "municipality__prefecture", "author")
        .filter(pk=pk)
        .first()
    )
    if meeting is None or not can_see_meeting(user, meeting):
        raise Http404
    return meeting


def access_meeting_edit(user, pk: int) -> Meeting:
    meeting = access_meeting(user, pk)
    if not (meeting.author_id == user.pk or can_administer(user, meeting.platform)):
        raise PermissionDenied
    return meeting


def visible_meetings(user):
    """Meeting records this person may read: their prefecture's (verified), their own and, for
    staff, those of the platforms they moderate."""
    from django.db.models import Q

    from kyoso.platforms.access import moderated_platform_ids

    if not getattr(user, "is_authenticated", False):
        return Meeting.objects.none()
    condition = Q(author=user)
    mine = approved(user)
    if mine is not None:
        condition |= Q(municipality__prefecture_id=mine.municipality.prefecture_id)
    platform_ids = moderated_platform_ids(user)
    if platform_ids is None:  # national admins
        return Meeting.objects.all()
    if platform_ids:
        condition |= Q(platform_id__in=platform_ids)
    return Meeting.objects.filter(condition)
