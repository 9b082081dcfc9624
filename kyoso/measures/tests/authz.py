"""Authorisation rows for measures and links (see kyoso.testing.authz)."""

from kyoso.testing.authz import (
    ADMIN,
    MEMBER,
    NATIONAL,
    OTHER_ADMIN,
    TOKYO_ADMINS,
    TOKYO_REVIEWERS,
    Row,
)

ANY_ADMIN = frozenset({ADMIN, OTHER_ADMIN, NATIONAL})

ROWS = [
    # Platform admins and members of confirmed agencies (the member's organisation is not one).
    Row("measures:new", ANY_ADMIN),
    Row("measures:edit", frozenset({MEMBER}) | TOKYO_ADMINS, kwargs=lambda w: {"pk": w.measure.pk}),
    Row("measures:flag", TOKYO_REVIEWERS, kwargs=lambda w: {"pk": w.measure.pk}),
    Row(
        "measures:attachment",
        frozenset({MEMBER}) | TOKYO_REVIEWERS,
        kwargs=lambda w: {"pk": w.pending_measure.pk, "attachment_id": w.pending_attachment.pk},
        method="get",
        anonymous="deny",
        note="a file of a measure under review",
    ),
    Row("links:manage", ANY_ADMIN, method="get"),
    Row("links:new", ANY_ADMIN),
    Row("links:edit", TOKYO_ADMINS, kwargs=lambda w: {"pk": w.link.pk}),
    Row("links:delete", TOKYO_ADMINS, kwargs=lambda w: {"pk": w.link.pk}),
]

PUBLIC = {
    "measures:list",
    "measures:platform_list",
    "measures:feed",
    "measures:export_csv",
    "measures:export_json",
    "measures:detail",
}
