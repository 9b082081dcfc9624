"""Authorisation rows for cases (see kyoso.testing.authz)."""

from kyoso.testing.authz import (
    ADMIN,
    MEMBER,
    NATIONAL,
    OTHER_ADMIN,
    OTHER_MEMBER,
    OTHER_MODERATOR,
    TOKYO_ADMINS,
    TOKYO_REVIEWERS,
    Row,
)

# Members of listed organisations, staff and verified people submit (the resident is none).
SUBMITTERS = frozenset(
    {MEMBER, OTHER_MEMBER, "moderator", ADMIN, OTHER_MODERATOR, OTHER_ADMIN, NATIONAL}
)

ROWS = [
    Row("cases:new", SUBMITTERS, method="get"),
    # The submitting organisation's members and Tokyo's admins (a moderator reviews, not edits).
    Row("cases:edit", frozenset({MEMBER}) | TOKYO_ADMINS, kwargs=lambda w: {"pk": w.case.pk}),
    Row(
        "cases:photo",
        frozenset({MEMBER}) | TOKYO_REVIEWERS,
        kwargs=lambda w: {"pk": w.pending_case.pk, "photo_id": w.pending_photo.pk},
        method="get",
        anonymous="deny",
        note="a photo of a case under review",
    ),
]

PUBLIC = {
    "cases:list",
    "cases:platform_list",
    "cases:detail",
    "cases:analysis",
    "cases:analysis_csv",
    "cases:export_csv",
    "cases:export_json",
}
