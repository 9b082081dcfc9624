"""Who may register and edit measures: members of a listed organisation that the platform's
admins confirmed as an agency (府省庁・都道府県; `agency_verified`, audited), and platform admins.
The organisation's own `kind` field grants nothing: its members could edit it."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from kyoso.directory.models import Membership, Organisation
from kyoso.platforms.access import can_administer, is_national_admin
from kyoso.platforms.models import Platform, PlatformRole

from .models import Measure


def agency_organisations(user):
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        status="published",
        is_suspended=False,
        agency_verified=True,
        pk__in=Membership.objects.filter(user=user).values("organisation_id"),
    ).select_related("platform")


def registrable_platforms(user):
    """Platforms this user may register measures on (empty: may not register)."""
    platforms = Platform.objects.select_related("prefecture")
    if not user.is_authenticated:
        return platforms.none()
    if is_national_admin(user):
        return platforms
    admin_ids = set(
        PlatformRole.objects.filter(user=user, role="admin").values_list("platform_id", flat=True)
    )
    org_ids = set(agency_organisations(user).values_list("platform_id", flat=True))
    return platforms.filter(pk__in=admin_ids | org_ids)


def can_edit_measure(user, measure: Measure) -> bool:
    if not user.is_authenticated:
        return False
    if can_administer(user, measure.platform) or measure.submitted_by_id == user.pk:
        return True
    return (
        measure.organisation_id is not None
        and Membership.objects.filter(organisation_id=measure.organisation_id, user=user).exists()
    )


def access_measure_public(pk: int) -> Measure:
    measure = (
        Measure.objects.select_related("platform__prefecture", "organisation")
        .filter(pk=pk, status="published")
        .first()
    )
    if measure is None:
        raise Http404
    return measure


def access_measure_edit(user, pk: int) -> Measure:
    measure = Measure.objects.select_related("platform").filter(pk=pk).first()
    if measure is None:
        raise Http404
    if not can_edit_measure(user, measure):
        raise PermissionDenied
    return measure
