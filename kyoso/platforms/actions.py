"""State changes for platforms and roles. Every one writes an audit record."""

from django.db import transaction
from django.dispatch import Signal

from kyoso.audit.actions import audit_record
from kyoso.regions.models import Prefecture

from .models import NATIONAL_SLUG, Platform, PlatformRole

platforms_ready = Signal()


@transaction.atomic
def platforms_ensure() -> int:
    """One national platform plus one per prefecture (idempotent). Returns the count."""
    Platform.objects.get_or_create(
        slug=NATIONAL_SLUG, defaults={"is_active": True, "name": "全国版"}
    )
    for pref in Prefecture.objects.all():
        Platform.objects.get_or_create(
            prefecture=pref, defaults={"slug": pref.slug, "name": f"{pref.name}版"}
        )
    # Apps that keep something per platform (the board's prefectural boards) create it now.
    platforms_ready.send(sender=Platform)
    return Platform.objects.count()


@transaction.atomic
def role_grant(*, actor, user, platform: Platform, role: str) -> PlatformRole:
    grant, created = PlatformRole.objects.get_or_create(
        user=user, platform=platform, role=role, defaults={"granted_by": actor}
    )
    if created:
        audit_record(
            actor=actor,
            action="role.grant",
            platform=platform,
            target=grant,
            data={"user": user.email, "role": role},
        )
    return grant


@transaction.atomic
def role_revoke(*, actor, grant: PlatformRole) -> None:
    audit_record(
        actor=actor,
        action="role.revoke",
        platform=grant.platform,
        target=grant,
        data={"user": grant.user.email, "role": grant.role},
    )
    grant.delete()


@transaction.atomic
def platform_set_active(*, actor, platform: Platform, is_active: bool) -> Platform:
    platform.is_active = is_active
    if is_active and platform.launched_on is None:
        from django.utils import timezone

        platform.launched_on = timezone.localdate()
    platform.save(update_fields=["is_active", "launched_on"])
    audit_record(
        actor=actor,
        action="platform.activate" if is_active else "platform.deactivate",
        platform=platform,
        target=platform,
    )
    return platform


@transaction.atomic
def platform_update(*, actor, platform: Platform, form) -> Platform:
    """The description, contact and logo that the platform's admins keep (audited)."""
    data = form.cleaned_data
    platform.description = data["description"]
    platform.contact = data["contact"]
    old_logo = platform.logo.name if platform.logo else ""
    if data.get("logo_upload"):
        platform.logo.save("logo.png", data["logo_upload"], save=False)
    elif data.get("remove_logo"):
        platform.logo = ""
    platform.save()
    if old_logo and old_logo != (platform.logo.name if platform.logo else ""):
        storage = platform.logo.storage
        transaction.on_commit(lambda: storage.delete(old_logo))
    audit_record(
        actor=actor,
        action="platform.update",
        platform=platform,
        target=platform,
        data={"fields": sorted(form.changed_data)},
    )
    return platform


@transaction.atomic
def part_add(*, actor, platform: Platform, form):
    part = form.save(commit=False)
    part.platform = platform
    part.position = platform.parts.count() + 1
    part.save()
    audit_record(
        actor=actor,
        action="platform.part_add",
        platform=platform,
        target=part,
        data={"name": part.name, "kind": part.kind},
    )
    return part


@transaction.atomic
def part_remove(*, actor, part) -> None:
    audit_record(
        actor=actor,
        action="platform.part_remove",
        platform=part.platform,
        target=part,
        data={"name": part.name, "kind": part.kind},
    )
    part.delete()
