"""Authorisation rows for events (see kyoso.testing.authz)."""

from kyoso.testing.authz import (
    ADMIN,
    MEMBER,
    NATIONAL,
    OTHER_ADMIN,
    OTHER_MEMBER,
    TOKYO_ADMINS,
    Row,
)

# Members of a listed organisation and platform admins register events.
REGISTRARS = frozenset({MEMBER, OTHER_MEMBER, ADMIN, OTHER_ADMIN, NATIONAL})

ROWS = [
    Row("events:new", REGISTRARS),
    Row("events:import", REGISTRARS),
    # On a prefecture's site: not for another prefecture's admins.
    Row("events:platform_new", REGISTRARS - {OTHER_ADMIN}, kwargs=lambda w: {"slug": "tokyo"}),
    # The organisation's members and the event's platform admins.
    Row("events:edit", frozenset({MEMBER}) | TOKYO_ADMINS, kwargs=lambda w: {"pk": w.event.pk}),
    Row(
        "events:state",
        frozenset({MEMBER}) | TOKYO_ADMINS,
        kwargs=lambda w: {"pk": w.event.pk},
        data={"state": "cancelled", "note": "中止します。"},
    ),
    # Applicants' personal data: the organisation and the platform's admins only.
    Row(
        "events:applications",
        frozenset({MEMBER}) | TOKYO_ADMINS,
        kwargs=lambda w: {"pk": w.event.pk},
        method="get",
    ),
    Row(
        "events:applications_csv",
        frozenset({MEMBER}) | TOKYO_ADMINS,
        kwargs=lambda w: {"pk": w.event.pk},
        method="get",
    ),
    Row(
        "events:applications_mail",
        frozenset({MEMBER}) | TOKYO_ADMINS,
        kwargs=lambda w: {"pk": w.event.pk},
        data={"subject": "会場の変更", "body": "会場が変わりました。"},
    ),
]

PUBLIC = {
    "events:list",
    "events:past",
    "events:platform_list",
    "events:calendar",
    "events:calendar_month",
    "events:feed",
    "events:feed_ics",
    "events:export_csv",
    "events:export_json",
    "events:detail",
    "events:ics",
    # A published event's picture (a pending one only for its editors and reviewers: tested in
    # kyoso/events/tests/test_events.py).
    "events:image",
    # Anyone may apply (no account); the cancel link is a signed token.
    "events:apply",
    "events:application_cancel",
}
