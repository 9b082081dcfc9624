"""Authorisation rows for notifications (see kyoso.testing.authz)."""

from kyoso.testing.authz import SIGNED_IN, Row

ROWS = [
    Row("notifications:list", SIGNED_IN, method="get"),
    Row(
        "notifications:follow",
        SIGNED_IN,
        data={"target": "prefecture", "key": "13", "follow": "1", "next": "/"},
    ),
]

PUBLIC = {
    # A signed token in the mail's link, so that unsubscribing needs no sign-in (RFC 8058).
    "notifications:unsubscribe",
}
