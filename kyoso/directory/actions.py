"""State changes for organisations: apply, edit (reviewed when published), agency status, suspend,
invite, join, remove members."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kyoso.audit.actions import audit_record
from kyoso.core.tasks import send_templated_mail
from kyoso.moderation.actions import publishable_submit
from kyoso.moderation.revisions import EditResult, content_edit
from kyoso.regions.models import Field, Municipality, Prefecture
from kyoso.search.tasks import schedule_index

from .forms import OrganisationForm
from .models import Invitation, Membership, Organisation, OrganisationRegionKey, Revision

SCALAR_FIELDS = [
    "name",
    "name_kana",
    "slug",
    "kind",
    "scale",
    "area_kind",
    "description",
    "homepage",
    "homepage_consent",
    "video_url",
    "public_contact",
    "private_contact",
]
# Kept for the history page (older revisions were written with this list).
SNAPSHOT_FIELDS = SCALAR_FIELDS
INVITATIONS_PER_DAY = 20


def snapshot(org: Organisation) -> dict:
    data = {name: getattr(org, name) for name in SCALAR_FIELDS}
    data["slug"] = data["slug"] or ""
    data["fields"] = sorted(org.fields.values_list("slug", flat=True))
    data["area_prefectures"] = sorted(org.area_prefectures.values_list("code", flat=True))
    data["area_municipalities"] = sorted(org.area_municipalities.values_list("lg_code", flat=True))
    data["logo"] = org.logo.name if org.logo else ""
    return data


def form_values(form: OrganisationForm) -> dict:
    """The form's values in the shape of `snapshot` (without the logo, which comes as a file)."""
    data = form.cleaned_data
    values = {name: data[name] for name in SCALAR_FIELDS if name in data}
    if "slug" in values:
        values["slug"] = values["slug"] or ""
    values["fields"] = sorted(f.slug for f in data.get("fields", []))
    area = data.get("area_kind")
    values["area_prefectures"] = sorted(
        p.code
        for p in data.get("area_prefectures", []) or []
        if area == Organisation.AreaKind.PREFECTURES
    )
    values["area_municipalities"] = sorted(
        m.lg_code
        for m in data.get("area_municipalities", []) or []
        if area == Organisation.AreaKind.MUNICIPALITIES
    )
    return values


def form_files(form: OrganisationForm) -> list[dict]:
    upload = form.cleaned_data.get("logo_upload")
    if not upload:
        return []
    return [
        {
            "key": "logo",
            "title": "",
            "upload": upload,
            "format": "png",
            "content_type": "image/png",
            "original_name": "logo.png",
        }
    ]


def _replace_logo(org: Organisation, upload) -> None:
    old = org.logo.name if org.logo else ""
    upload.open("rb")
    try:
        org.logo.save("logo.png", upload, save=False)
    finally:
        upload.close()
    if old:
        storage = org.logo.storage
        # The replaced file is deleted once the change is committed (never left public).
        transaction.on_commit(lambda: storage.delete(old))


def apply_values(org: Organisation, data: dict, files: list[dict], actor, note: str = "") -> None:
    """Write snapshot-shaped values (and a new logo) onto the organisation, with a history row."""
    before = snapshot(org)
    for name in SCALAR_FIELDS:
        if name in data:
            value = data[name]
            setattr(org, name, (value or None) if name == "slug" else value)
    for item in files:
        if item["key"] == "logo":
            _replace_logo(org, item["upload"])
    org.save()
    if "fields" in data:
        org.fields.set(Field.objects.filter(slug__in=data["fields"]))
    if "area_prefectures" in data:
        org.area_prefectures.set(Prefecture.objects.filter(code__in=data["area_prefectures"]))
    if "area_municipalities" in data:
        org.area_municipalities.set(
            Municipality.objects.filter(lg_code__in=data["area_municipalities"])
        )
    refresh_region_keys(org)
    after = snapshot(org)
    changes = {k: [before.get(k), after[k]] for k in after if before.get(k) != after[k]}
    if changes:
        Revision.objects.create(organisation=org, actor=actor, snapshot=after, changes=changes)


def refresh_region_keys(org: Organisation) -> None:
    keys = org.compute_region_keys()
    org.region_keys.exclude(key__in=keys).delete()
    existing = set(org.region_keys.values_list("key", flat=True))
    OrganisationRegionKey.objects.bulk_create(
        [OrganisationRegionKey(organisation=org, key=k) for k in keys if k not in existing]
    )


@transaction.atomic
def organisation_apply(*, actor, form: OrganisationForm) -> Organisation:
    org = form.save(commit=False)
    org.submitted_by = actor
    org.agency_verified = False
    org.save()
    apply_values(org, form_values(form), form_files(form), actor)
    Membership.objects.create(organisation=org, user=actor, role=Membership.Role.OWNER)
    audit_record(actor=actor, action="content.create", platform=org.platform, target=org)
    return publishable_submit(actor=actor, obj=org)


def organisation_update(*, actor, org: Organisation, form: OrganisationForm) -> EditResult:
    """Staff edits go live; a member's edit of a listed organisation waits for review, and a
    change of its kind or name waits for the platform's admins (see kyoso.moderation.revisions)."""
    return content_edit(actor=actor, obj=org, form=form)


@transaction.atomic
def organisation_set_agency(*, actor, org: Organisation, verified: bool) -> Organisation:
    """The platform's admins confirm (or withdraw) that an organisation is a 府省庁 or 都道府県."""
    org.agency_verified = verified
    org.agency_verified_by = actor if verified else None
    org.agency_verified_at = timezone.now() if verified else None
    org.save(update_fields=["agency_verified", "agency_verified_by", "agency_verified_at"])
    audit_record(
        actor=actor,
        action="directory.agency_grant" if verified else "directory.agency_revoke",
        platform=org.platform,
        target=org,
    )
    return org


@transaction.atomic
def organisation_suspend(*, actor, org: Organisation, reason: str) -> Organisation:
    org.is_suspended = True
    org.suspended_reason = reason
    org.save(update_fields=["is_suspended", "suspended_reason", "updated_at"])
    audit_record(
        actor=actor,
        action="directory.suspend",
        platform=org.platform,
        target=org,
        data={"reason": reason},
    )
    schedule_index(org)
    return org


@transaction.atomic
def organisation_unsuspend(*, actor, org: Organisation) -> Organisation:
    org.is_suspended = False
    org.suspended_reason = ""
    org.save(update_fields=["is_suspended", "suspended_reason", "updated_at"])
    audit_record(actor=actor, action="directory.unsuspend", platform=org.platform, target=org)
    schedule_index(org)
    return org


@transaction.atomic
def invitation_create(*, actor, org: Organisation, email: str) -> Invitation:
    since = timezone.now() - datetime.timedelta(days=1)
    if org.invitations.filter(created_at__gte=since).count() >= INVITATIONS_PER_DAY:
        raise ValidationError(
            _("招待は1日%(n)d件までです。明日もう一度お試しください。")
            % {"n": INVITATIONS_PER_DAY},
            code="rate",
        )
    invitation = Invitation.objects.create(organisation=org, email=email.lower(), invited_by=actor)
    audit_record(
        actor=actor,
        action="directory.invite",
        platform=org.platform,
        target=org,
        data={"email": email},
    )
    context = {
        "organisation": org,
        "inviter": actor,
        "url": settings.SITE_URL + reverse("directory:accept", kwargs={"token": invitation.token}),
    }
    send_templated_mail("directory/mail/invitation", context, [invitation.email])
    return invitation


@transaction.atomic
def invitation_withdraw(*, actor, invitation: Invitation) -> Invitation:
    invitation.withdrawn_at = timezone.now()
    invitation.save(update_fields=["withdrawn_at"])
    audit_record(
        actor=actor,
        action="directory.invite_withdraw",
        platform=invitation.organisation.platform,
        target=invitation.organisation,
        data={"email": invitation.email},
    )
    return invitation


@transaction.atomic
def invitation_accept(*, user, invitation: Invitation) -> Membership:
    membership, _created = Membership.objects.get_or_create(
        organisation=invitation.organisation, user=user, defaults={"role": Membership.Role.MEMBER}
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    audit_record(
        actor=user,
        action="directory.join",
        platform=invitation.organisation.platform,
        target=invitation.organisation,
    )
    return membership


@transaction.atomic
def membership_remove(*, actor, membership: Membership) -> None:
    """Owners end a membership; the last owner cannot be removed (someone must run the page)."""
    org = membership.organisation
    if (
        membership.role == Membership.Role.OWNER
        and not org.memberships.filter(role=Membership.Role.OWNER)
        .exclude(pk=membership.pk)
        .exists()
    ):
        raise ValidationError(
            _("最後の管理者は外せません。先にほかのメンバーを管理者にしてください。"),
            code="last_owner",
        )
    email = membership.user.email
    membership.delete()
    audit_record(
        actor=actor,
        action="directory.member_remove",
        platform=org.platform,
        target=org,
        data={"email": email},
    )
