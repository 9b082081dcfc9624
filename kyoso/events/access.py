"""Who may register and edit events: members of a listed organisation (for their organisation) and
platform admins. Rights come from memberships and roles that admins grant, never from a field a
member edits."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from kyoso.directory.access import listed_organisations_of
from kyoso.directory.models import Membership
from kyoso.platforms.access import can_administer, is_national_admin
from kyoso.platforms.models import Platform, PlatformRole

from .models import Event


def registrable_platforms(user):
    """Platforms this user may register events on (empty: may not register). A member of a
    listed organisation may announce an event on any platform: that platform's reviewers decide."""
    platforms = Platform.objects.select_related("prefecture")
    if not user.is_authenticated:
        return platforms.none()
    if is_national_admin(user) or listed_organisations_of(user).exists():
        return platforms
    admin_ids = PlatformRole.objects.filter(user=user, role="admin").values_list(
        "platform_id", flat=True
    )
    return platforms.filter(pk__in=list(admin_ids))


def can_edit_event(user, event: Event) -> bool:
    if not user.is_authenticated:
        return False
    if can_administer(user, event.platform) or event.submitted_by_id == user.pk:
        return True
    return (
        event.organisation_id is not None
        and Membership.objects.filter(organisation_id=event.organisation_id, user=user).exists()
    )


def access_event_public(pk: int) -> Event:
    event = (
        Event.objects.select_related(
            "platform__prefecture", "organisation", "municipality__prefecture"
        )
        .filter(pk=pk, status="published")
        .first()
    )
    if event is None:
        raise Http404
    return event


def access_event_edit(user, pk: int) -> Event:
    event = Event.objects.select_related("platform", "municipality").filter(pk=pk).first()
    if event is None:
        raise Http404
    if not can_edit_event(user, event):
        raise PermissionDenied
    return event
