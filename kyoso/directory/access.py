"""Who may see and change an organisation."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from kyoso.platforms.access import can_administer, can_moderate

from .models import Membership, Organisation


def listed_organisations_of(user):
    """The listed organisations this person belongs to (none when signed out), in kana order:
    the organisations they may act for (register events, submit cases and videos, answer local
    issues)."""
    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    return Organisation.objects.filter(
        status="published",
        is_suspended=False,
        pk__in=Membership.objects.filter(user=user).values("organisation_id"),
    ).order_by("name_kana")


def is_owner(user, org: Organisation) -> bool:
    return (
        user.is_authenticated
        and Membership.objects.filter(
            organisation=org, user=user, role=Membership.Role.OWNER
        ).exists()
    )


def is_member(user, org: Organisation) -> bool:
    return user.is_authenticated and Membership.objects.filter(organisation=org, user=user).exists()


def access_organisation_public(pk=None, slug=None) -> Organisation:
    """A listed organisation, or 404 (pending, rejected, archived and suspended ones are hidden)."""
    qs = Organisation.objects.select_related("platform__prefecture").filter(
        status="published", is_suspended=False
    )
    org = qs.filter(pk=pk).first() if pk is not None else qs.filter(slug=slug).first()
    if org is None:
        raise Http404
    return org


def access_organisation_edit(user, pk: int) -> Organisation:
    """Owners edit their profile; the platform's admins may too."""
    org = Organisation.objects.select_related("platform__prefecture").filter(pk=pk).first()
    if org is None:
        raise Http404
    if not (is_owner(user, org) or can_administer(user, org.platform)):
        raise PermissionDenied
    return org


def access_organisation_admin(user, pk: int) -> Organisation:
    org = Organisation.objects.select_related("platform__prefecture").filter(pk=pk).first()
    if org is None:
        raise Http404
    if not can_moderate(user, org.platform):
        raise PermissionDenied
    return org
