"""Verification of municipal staff and life-support coordinators (本人確認).

Being verified is a fact granted by a prefecture's admins (or by a confirmed address on the
municipality's own lg.jp domain), never a field a person edits: it is what opens members-only
boards. Every decision and withdrawal is in the audit log."""

from urllib.parse import urlsplit

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from kyoso.audit.actions import audit_record

from .models import Verification

Status = Verification.Status


def approved(user) -> Verification | None:
    """The user's current verification (the newest approved one), cached for the request."""
    if not getattr(user, "is_authenticated", False):
        return None
    if not hasattr(user, "_kyoso_verification"):
        user._kyoso_verification = (
            Verification.objects.filter(user=user, status=Status.APPROVED)
            .select_related("municipality__prefecture")
            .order_by("-decided_at", "-id")
            .first()
        )
    return user._kyoso_verification


def is_verified(user) -> bool:
    return approved(user) is not None


def badges_for(user_ids) -> dict[int, str]:
    """{user id: badge text} for the verified among `user_ids` (one query for a page of posts)."""
    found = {}
    for row in (
        Verification.objects.filter(user_id__in=set(user_ids), status=Status.APPROVED)
        .select_related("municipality")
        .order_by("decided_at", "id")
    ):
        found[row.user_id] = f"{row.badge}・{row.municipality.name}"
    return found


def lg_domain(municipality) -> str:
    """The municipality's own domain when its site is on lg.jp (www.city.chiyoda.lg.jp →
    city.chiyoda.lg.jp), else ''."""
    host = (urlsplit(municipality.url or "").hostname or "").lower()
    if not host.endswith(".lg.jp"):
        return ""
    return host.removeprefix("www.")


def confirmed_addresses(user) -> list[str]:
    from allauth.account.models import EmailAddress

    return [
        a.lower()
        for a in EmailAddress.objects.filter(user=user, verified=True).values_list(
            "email", flat=True
        )
    ]


def matches_municipality(user, municipality) -> bool:
    """A confirmed address on the municipality's lg.jp domain (or a sub-domain of it)."""
    domain = lg_domain(municipality)
    if not domain:
        return False
    for address in confirmed_addresses(user):
        host = address.rpartition("@")[2]
        if host == domain or host.endswith("." + domain):
            return True
    return False


def open_request(user) -> Verification | None:
    return Verification.objects.filter(user=user, status=Status.PENDING).first()


@transaction.atomic
def request_verification(*, user, data: dict) -> Verification:
    """File a request (replacing a waiting one). Municipal staff whose confirmed address is on
    the municipality's lg.jp domain are verified at once."""
    Verification.objects.filter(user=user, status=Status.PENDING).update(
        status=Status.WITHDRAWN, reason="新しい申請に置き換え", decided_at=timezone.now()
    )
    row = Verification.objects.create(
        user=user,
        role=data["role"],
        layer=data.get("layer") or "",
        municipality=data["municipality"],
        area_name=data.get("area_name", ""),
        organisation_name=data.get("organisation_name", ""),
        note=data.get("note", ""),
    )
    if row.role == Verification.Role.MUNICIPAL and matches_municipality(user, row.municipality):
        row.status = Status.APPROVED
        row.automatic = True
        row.decided_at = timezone.now()
        row.save(update_fields=["status", "automatic", "decided_at"])
        audit_record(
            actor=user,
            action="verification.auto",
            platform=platform_of(row),
            target=row,
            data={"domain": lg_domain(row.municipality)},
        )
    else:
        audit_record(
            actor=user, action="verification.request", platform=platform_of(row), target=row
        )
    user.__dict__.pop("_kyoso_verification", None)
    return row


def platform_of(row: Verification):
    from kyoso.platforms.models import Platform

    return Platform.objects.filter(prefecture_id=row.municipality.prefecture_id).first()


def can_decide(user, row: Verification) -> bool:
    """The admins of the municipality's prefecture, and national admins; never for oneself."""
    from kyoso.platforms.access import can_administer, is_national_admin

    if not user.is_authenticated or row.user_id == user.pk:
        return False
    platform = platform_of(row)
    return is_national_admin(user) or (platform is not None and can_administer(user, platform))


def decidable(user):
    """Requests this user may decide: their prefectures' (all, for national admins)."""
    from kyoso.platforms.access import is_national_admin
    from kyoso.platforms.models import PlatformRole

    rows = Verification.objects.select_related("user", "municipality__prefecture", "decided_by")
    if is_national_admin(user):
        return rows.exclude(user=user)
    prefectures = PlatformRole.objects.filter(
        user=user, role=PlatformRole.Role.ADMIN, platform__prefecture__isnull=False
    ).values("platform__prefecture_id")
    return rows.filter(municipality__prefecture_id__in=prefectures).exclude(user=user)


def access_decision(user, pk: int) -> Verification:
    row = (
        Verification.objects.select_related("user", "municipality__prefecture")
        .filter(pk=pk)
        .first()
    )
    if row is None:
        raise Http404
    if not can_decide(user, row):
        raise PermissionDenied
    return row


@transaction.atomic
def decide(*, actor, row: Verification, decision: str, reason: str) -> Verification:
    """approve / decline a waiting request, or withdraw an approved one (with a reason)."""
    allowed = {
        "approve": ({Status.PENDING}, Status.APPROVED, "verification.approve"),
        "decline": ({Status.PENDING}, Status.DECLINED, "verification.decline"),
        "withdraw": ({Status.APPROVED}, Status.WITHDRAWN, "verification.withdraw"),
    }
    if decision not in allowed:
        raise ValueError(decision)
    sources, target, action = allowed[decision]
    updated = Verification.objects.filter(pk=row.pk, status__in=sources).update(
        status=target, reason=reason, decided_by=actor, decided_at=timezone.now()
    )
    if not updated:
        raise ValueError("state")
    row.refresh_from_db()
    audit_record(
        actor=actor, action=action, platform=platform_of(row), target=row, data={"reason": reason}
    )
    from django.conf import settings

    from kyoso.core.tasks import send_templated_mail

    send_templated_mail(
        "accounts/mail/verification", {"row": row, "site_url": settings.SITE_URL}, [row.user.email]
    )
    return row
