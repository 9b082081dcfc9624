"""Authorisation rows for verification (see kyoso.testing.authz)."""

from kyoso.testing.authz import SIGNED_IN, STAFF, TOKYO_ADMINS, Row

ROWS = [
    Row("accounts:verification", SIGNED_IN, method="get"),
    Row("accounts:verification_queue", STAFF, method="get"),
    # A request for a Tokyo municipality: Tokyo's admins and national admins decide.
    Row(
        "accounts:verification_decide",
        TOKYO_ADMINS,
        kwargs=lambda w: {"pk": w.verification.pk},
        method="get",
    ),
]
