"""Who may do what on a platform. Every permission check in views goes through here."""

from allauth.mfa.models import Authenticator
from django.core.exceptions import PermissionDenied
from django.http import Http404

from .models import Platform, PlatformRole

Role = PlatformRole.Role


def _roles(user) -> set[tuple[int, str]]:
    """(platform_id, role) pairs, cached on the user object for the request."""
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_kyoso_roles", None)
    if cached is None:
        cached = set(PlatformRole.objects.filter(user=user).values_list("platform_id", "role"))
        user._kyoso_roles = cached
    return cached


def national_platform_id() -> int:
    return Platform.objects.national().pk


def is_national_admin(user) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return (national_platform_id(), Role.ADMIN) in _roles(user)


def can_administer(user, platform: Platform) -> bool:
    """Platform admins, and the national admins over every platform."""
    return is_national_admin(user) or (platform.pk, Role.ADMIN) in _roles(user)


def can_moderate(user, platform: Platform) -> bool:
    """Review content: the platform's admins and moderators, and national admins."""
    if can_administer(user, platform):
        return True
    return (platform.pk, Role.MODERATOR) in _roles(user)


def moderated_platform_ids(user) -> set[int] | None:
    """Platforms whose review queue this user works on; None means all (national admins)."""
    if is_national_admin(user):
        return None
    return {pid for pid, _role in _roles(user)}


def has_staff_role(user) -> bool:
    return user.is_authenticated and (user.is_superuser or bool(_roles(user)))


def has_mfa(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def access_platform(slug: str) -> Platform:
    """A prefectural platform by its slug, or 404 (the national one has no /p/ URL)."""
    try:
        return Platform.objects.select_related("prefecture").get(
            slug=slug, prefecture__isnull=False
        )
    except Platform.DoesNotExist:
        raise Http404(slug) from None


def require_national_admin(user) -> None:
    if not is_national_admin(user):
        raise PermissionDenied
