"""The authorisation matrix's vocabulary. Each app lists, in `kyoso/<app>/tests/authz.py`:

- ROWS: every URL that changes state (and every private page) × every role → the outcome;
- PUBLIC: URL names that only read public data (no row needed).

kyoso/core/tests/test_authorization_matrix.py runs every row for every role on a fresh world, and
fails for any URL of the site that is in neither list."""

from collections.abc import Callable
from dataclasses import dataclass, field

ANON = "anonymous"
RESIDENT = "resident"
MEMBER = "member"  # owner of the organisation under test (Tokyo platform)
OTHER_MEMBER = "other_member"  # owner of another Tokyo organisation
MODERATOR = "moderator"  # of Tokyo
ADMIN = "admin"  # of Tokyo
OTHER_MODERATOR = "other_moderator"  # of Osaka
OTHER_ADMIN = "other_admin"  # of Osaka
NATIONAL = "national_admin"
ROLES = [
    ANON,
    RESIDENT,
    MEMBER,
    OTHER_MEMBER,
    MODERATOR,
    ADMIN,
    OTHER_MODERATOR,
    OTHER_ADMIN,
    NATIONAL,
]
SIGNED_IN = frozenset(ROLES) - {ANON}
STAFF = frozenset({MODERATOR, ADMIN, OTHER_MODERATOR, OTHER_ADMIN, NATIONAL})
TOKYO_REVIEWERS = frozenset({MODERATOR, ADMIN, NATIONAL})
TOKYO_ADMINS = frozenset({ADMIN, NATIONAL})

OK, DENY, LOGIN = "ok", "deny", "login"


@dataclass(frozen=True)
class Row:
    name: str  # URL name, e.g. "directory:edit"
    allow: frozenset[str]  # roles that reach the view's logic
    kwargs: Callable = lambda w: {}  # world -> URL kwargs
    method: str = "post"
    data: dict = field(default_factory=dict)
    anonymous: str = LOGIN  # what an anonymous visitor gets when not allowed
    note: str = ""

    def expected(self, role: str) -> str:
        if role in self.allow:
            return OK
        return self.anonymous if role == ANON else DENY
