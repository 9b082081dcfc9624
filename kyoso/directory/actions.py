"""State changes for organisations: apply, edit (with history), suspend, invite, join."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from kyoso.audit.actions import audit_record
from kyoso.core.tasks import send_templated_mail
from kyoso.moderation.actions import publishable_submit
from kyoso.search.tasks import schedule_index

from .forms import OrganisationForm
from .models import Invitation, Membership, Organisation, OrganisationRegionKey, Revision

SNAPSHOT_FIELDS = [
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


def snapshot(org: Organisation) -> dict:
    data = {name: getattr(org, name) for name in SNAPSHOT_FIELDS}
    data["fields"] = sorted(org.fields.values_list("slug", flat=True))
    data["area_prefectures"] = sorted(org.area_prefectures.values_list("code", flat=True))
    data["area_municipalities"] = sorted(org.area_municipalities.values_list("lg_code", flat=True))
    data["logo"] = org.logo.name if org.logo else ""
    return data


def _save_relations(org: Organisation, form: OrganisationForm) -> None:
    data = form.cleaned_data
    org.fields.set(data["fields"])
    area = data["area_kind"]
    org.area_prefectures.set(
        data["area_prefectures"] if area == Organisation.AreaKind.PREFECTURES else []
    )
    org.area_municipalities.set(
        form.municipalities if area == Organisation.AreaKind.MUNICIPALITIES else []
    )
    if data.get("logo_upload"):
        org.logo.save(f"org-{org.pk}.png", data["logo_upload"], save=True)
    refresh_region_keys(org)


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
    org.save()
    _save_relations(org, form)
    Membership.objects.create(organisation=org, user=actor, role=Membership.Role.OWNER)
    Revision.objects.create(organisation=org, actor=actor, snapshot=snapshot(org))
    audit_record(actor=actor, action="content.create", platform=org.platform, target=org)
    return publishable_submit(actor=actor, obj=org)


@transaction.atomic
def organisation_update(*, actor, org: Organisation, form: OrganisationForm) -> Organisation:
    # The bound form has already copied its values onto `org`: read "before" from the database.
    before = snapshot(Organisation.objects.get(pk=org.pk))
    org = form.save(commit=False)
    org.save()
    _save_relations(org, form)
    after = snapshot(org)
    changes = {k: [before.get(k), after[k]] for k in after if before.get(k) != after[k]}
    if changes:
        Revision.objects.create(organisation=org, actor=actor, snapshot=after, changes=changes)
        audit_record(
            actor=actor,
            action="content.update",
            platform=org.platform,
            target=org,
            data={"fields": sorted(changes)},
        )
        schedule_index(org)
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
def invitation_accept(*, user, invitation: Invitation) -> Membership:
    membership, _ = Membership.objects.get_or_create(
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
