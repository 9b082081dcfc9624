"""Who may submit and edit cases: members of listed organisations, verified coordinators and
municipal staff (a verification that admins granted) and platform admins. Rights come from
memberships, verifications and roles, never from a field a member edits."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from kyoso.accounts.verification import is_verified
from kyoso.directory.access import listed_organisations_of
from kyoso.directory.models import Membership
from kyoso.platforms.access import can_administer, has_staff_role

from .models import Case


def can_submit(user) -> bool:
    if not user.is_authenticated:
        return False
    return is_verified(user) or has_staff_role(user) or listed_organisations_of(user).exists()


def can_edit_case(user, case: Case) -> bool:
    if not user.is_authenticated:
        return False
    if case.submitted_by_id == user.pk or can_administer(user, case.platform):
        return True
    return (
        case.organisation_id is not None
        and Membership.objects.filter(organisation_id=case.organisation_id, user=user).exists()
    )


def access_case_public(pk: int) -> Case:
    case = (
        Case.objects.select_related(
            "platform", "prefecture", "municipality", "organisation", "submitted_by"
        )
        .filter(pk=pk, status="published")
        .first()
    )
    if case is None:
        raise Http404
    return case


def access_case_edit(user, pk: int) -> Case:
    case = Case.objects.select_related("platform", "prefecture", "municipality").filter(pk=pk)
    case = case.first()
    if case is None:
        raise Http404
    if not can_edit_case(user, case):
        raise PermissionDenied
    return case
