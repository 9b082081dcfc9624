"""Authorisation rows for videos and training (see kyoso.testing.authz)."""

from kyoso.testing.authz import (
    ADMIN,
    DENY,
    NATIONAL,
    OTHER_ADMIN,
    SIGNED_IN,
    TOKYO_ADMINS,
    TOKYO_REVIEWERS,
    Row,
)

ANY_ADMIN = frozenset({ADMIN, OTHER_ADMIN, NATIONAL})

ROWS = [
    # Platform admins add series and videos on their own platforms only.
    Row("videos:new", ANY_ADMIN, method="get"),
    Row("videos:series_new", ANY_ADMIN, method="get"),
    Row("videos:series_edit", TOKYO_ADMINS, kwargs=lambda w: {"pk": w.series.pk}, method="get"),
    Row("videos:edit", TOKYO_ADMINS, kwargs=lambda w: {"pk": w.video.pk}, method="get"),
    # A video under review: its reviewers only (404 to everyone else), its file and captions too.
    Row(
        "videos:detail",
        TOKYO_REVIEWERS,
        kwargs=lambda w: {"pk": w.pending_video.pk},
        method="get",
        anonymous=DENY,
        note="a video under review",
    ),
    Row(
        "videos:file",
        TOKYO_REVIEWERS,
        kwargs=lambda w: {"pk": w.pending_video.pk},
        method="get",
        anonymous=DENY,
    ),
    Row(
        "videos:captions",
        TOKYO_REVIEWERS,
        kwargs=lambda w: {"pk": w.pending_video.pk},
        method="get",
        anonymous=DENY,
    ),
    Row(
        "videos:material",
        TOKYO_REVIEWERS,
        kwargs=lambda w: {"pk": w.pending_video.pk, "material_id": w.pending_material.pk},
        method="get",
        anonymous=DENY,
    ),
    # Members of listed organisations submit their organisation's videos (reviewed).
    Row("videos:submit", frozenset({"member", "other_member"}), method="get"),
    Row("videos:unit_done", SIGNED_IN, kwargs=lambda w: {"pk": w.unit.pk}, data={"done": "1"}),
]

PUBLIC = {
    "videos:list",
    "videos:platform_list",
    "videos:series",
    "videos:training",
    "videos:training_series",
}
