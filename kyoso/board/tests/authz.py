"""Authorisation rows for the board (see kyoso.testing.authz)."""

from kyoso.testing.authz import (
    DENY,
    MEMBER,
    SIGNED_IN,
    STAFF,
    TOKYO_REVIEWERS,
    Row,
)

ROWS = [
    # A members-only room: its moderators and national admins (no verified user in the world);
    # 404 to everyone else, anonymous visitors included.
    Row(
        "board:board",
        TOKYO_REVIEWERS,
        kwargs=lambda w: {"board": "room"},
        method="get",
        anonymous=DENY,
    ),
    Row(
        "board:thread",
        TOKYO_REVIEWERS,
        kwargs=lambda w: {"board": "room", "pk": w.room_thread.pk},
        method="get",
        anonymous=DENY,
    ),
    Row("board:thread_new", SIGNED_IN, kwargs=lambda w: {"board": "tokyo"}, method="get"),
    Row(
        "board:reply",
        SIGNED_IN,
        kwargs=lambda w: {"board": "tokyo", "pk": w.thread.pk},
        data={"body": "ありがとうございます。"},
    ),
    Row("board:same", SIGNED_IN, kwargs=lambda w: {"board": "tokyo", "pk": w.thread.pk}),
    # Only the author edits and deletes a post.
    Row("board:post_edit", frozenset({MEMBER}), kwargs=lambda w: {"pk": w.reply.pk}, method="get"),
    Row("board:post_delete", frozenset({MEMBER}), kwargs=lambda w: {"pk": w.reply.pk}),
    Row(
        "board:post_report",
        SIGNED_IN,
        kwargs=lambda w: {"pk": w.post.pk},
        data={"reason": "spam", "note": ""},
    ),
    # The platform's moderators (and national admins): not Osaka's.
    Row(
        "board:post_moderate",
        TOKYO_REVIEWERS,
        kwargs=lambda w: {"pk": w.post.pk},
        data={"action": "keep", "reason": ""},
    ),
    Row(
        "board:thread_moderate",
        TOKYO_REVIEWERS,
        kwargs=lambda w: {"board": "tokyo", "pk": w.thread.pk},
        data={"action": "pin", "reason": ""},
    ),
    Row(
        "board:user_suspend",
        TOKYO_REVIEWERS,
        kwargs=lambda w: {"pk": w.post.pk},
        method="get",
    ),
    Row("board:reports", STAFF, method="get"),
]

PUBLIC = {
    "board:index",
    "board:feed",
    "board:board_feed",  # public boards only: members-only boards have no feed (tested)
    "board:platform_board",
    "board:post_history",  # a post's history shows only where the post itself shows (tested)
    "board:attachment",  # a post's file shows only where the post itself shows (tested)
}
