"""Authorisation rows for site-wide pages (see kyoso.testing.authz)."""

from kyoso.testing.authz import OK, ROLES, SIGNED_IN, STAFF, TOKYO_REVIEWERS, Row

ROWS = [
    # A display cookie: anyone, CSRF-exempt on purpose (cached pages carry no token).
    Row("core:text_size", frozenset(ROLES), data={"size": "large"}, anonymous=OK),
    Row("core:contrast", frozenset(ROLES), data={"contrast": "high"}, anonymous=OK),
    Row("core:furigana", frozenset(ROLES), data={"furigana": "on"}, anonymous=OK),
    Row("accounts:me", SIGNED_IN),
    Row("moderation:queue", STAFF, method="get"),
    Row(
        "moderation:platform_queue",
        TOKYO_REVIEWERS,
        kwargs=lambda w: {"slug": "tokyo"},
        method="get",
    ),
    Row(
        "moderation:item",
        TOKYO_REVIEWERS,
        kwargs=lambda w: {"key": "news.notice", "pk": w.notice.pk},
    ),
    Row("moderation:revision", TOKYO_REVIEWERS, kwargs=lambda w: {"pk": w.revision.pk}),
    Row(
        "moderation:revision_file",
        TOKYO_REVIEWERS | {"member"},
        kwargs=lambda w: {"pk": w.revision.pk, "file_id": w.revision_file.pk},
        method="get",
        anonymous="deny",
    ),
    Row("audit:log", frozenset({"admin", "other_admin", "national_admin"}), method="get"),
    Row("platforms:roles", frozenset({"national_admin"})),
    Row("platforms:role_revoke", frozenset({"national_admin"}), kwargs=lambda w: {"pk": w.role.pk}),
    Row("news:new", STAFF),
]

PUBLIC = {
    "core:home",
    "core:accessibility",
    "core:privacy",
    "core:terms",
    "core:section_board",
    "core:section_events",
    "core:section_videos",
    "core:section_cases",
    "core:section_local-issues",
    "platforms:home",
    "platforms:section_board",
    "platforms:section_events",
    "platforms:section_videos",
    "platforms:section_cases",
    "platforms:section_local-issues",
    "news:list",
    "news:feed",
    "news:detail",
    "news:platform_list",
    "search:search",
    "regions:municipality_suggestions",
    "links:list",
    "links:platform_list",
}
