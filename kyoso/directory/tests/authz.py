"""Authorisation rows for the directory (see kyoso.testing.authz)."""

from kyoso.testing.authz import (
    ADMIN,
    MEMBER,
    NATIONAL,
    RESIDENT,
    SIGNED_IN,
    TOKYO_ADMINS,
    TOKYO_REVIEWERS,
    Row,
)

ROWS = [
    Row("directory:apply", SIGNED_IN),
    Row("directory:accept", frozenset({RESIDENT}), kwargs=lambda w: {"token": w.invitation.token}),
    Row("directory:edit", frozenset({MEMBER, ADMIN, NATIONAL}), kwargs=lambda w: {"pk": w.org.pk}),
    Row("directory:members", frozenset({MEMBER}), kwargs=lambda w: {"pk": w.org.pk}),
    Row(
        "directory:member_remove",
        frozenset({MEMBER}),
        kwargs=lambda w: {"pk": w.org.pk, "membership_id": w.colleague.pk},
    ),
    Row(
        "directory:invitation_withdraw",
        frozenset({MEMBER}),
        kwargs=lambda w: {"pk": w.org.pk, "invitation_id": w.invitation.pk},
    ),
    Row(
        "directory:agency", TOKYO_ADMINS, kwargs=lambda w: {"pk": w.org.pk}, data={"verified": "1"}
    ),
    Row("directory:suspend", TOKYO_REVIEWERS, kwargs=lambda w: {"pk": w.org.pk}),
    Row("directory:history", TOKYO_REVIEWERS, kwargs=lambda w: {"pk": w.org.pk}, method="get"),
    Row(
        "logo",
        frozenset({MEMBER}) | TOKYO_REVIEWERS,
        kwargs=lambda w: {"name": w.pending_org.logo.name},
        method="get",
        anonymous="deny",
        note="an applicant's logo before approval",
    ),
]

PUBLIC = {
    "directory:list",
    "directory:platform_list",
    "directory:export_csv",
    "directory:export_json",
    "directory:detail",
    "directory:detail_slug",
}
