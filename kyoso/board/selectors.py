"""Read queries for the board: lists of threads with their kept counts, a page of a thread's
posts (a page of a 2,000-reply thread reads 20 rows by (thread, number), like a page of a short
one), and unread markers."""

from django.db.models import Count, Q

from kyoso.core.prepared import Prepared, instance, prepared_for

from .models import Board, Post, PostAttachment, Thread, ThreadRead

PER_PAGE = 20
SORTS = {
    "activity": ["-is_pinned", "-last_activity_at", "-id"],
    "new": ["-is_pinned", "-created_at", "-id"],
    "same": ["-is_pinned", "-same_count", "-last_activity_at", "-id"],
}


# A board's list: what the list line shows, read by prepared queries (kyoso.core.prepared).
THREAD_LIST_COLUMNS = [
    "id",
    "title",
    "author_id",
    "municipality_id",
    "last_activity_at",
    "reply_count",
    "same_count",
    "last_number",
    "is_locked",
    "is_pinned",
    "is_hidden",
    "is_demo",
]


def _visible(seen: str, board: int, user: int | None = None):
    """Threads of a board as `seen` by everyone ("public"), by a signed-in person who also sees
    their own hidden threads ("own", `user` being their id) or by a moderator ("all")."""
    threads = Thread.objects.filter(board_id=board)
    if seen == "own":
        return threads.filter(Q(is_hidden=False) | Q(author_id=user))
    return threads if seen == "all" else threads.filter(is_hidden=False)


def board_threads(board: Board, *, sort: str, user=None, moderator: bool = False):
    """(count, fetch(limit, offset) of a page of threads as dicts with the author's and the
    municipality's names) for a LazyWindow: two prepared queries."""
    signed_in = user is not None and user.is_authenticated
    seen = "all" if moderator else "own" if signed_in else "public"
    args = (board.pk, user.pk) if seen == "own" else (board.pk,)
    found = prepared_for(
        ("board", "count", seen),
        lambda *a: _visible(seen, *a).values("board_id").annotate(n=Count("id")).values_list("n"),
    ).rows(*args)

    def fetch(limit: int, offset: int) -> list[dict]:
        return prepared_for(
            ("board", "page", seen, sort, offset, limit),
            lambda *a: (
                _visible(seen, *a)
                .order_by(*SORTS[sort])
                .values_list(*THREAD_LIST_COLUMNS, "author__display_name", "municipality__name")[
                    offset : offset + limit
                ]
            ),
        ).dicts(*args)

    return (found[0][0] if found else 0), fetch


def unread_numbers(user, thread_ids: list[int]) -> dict[int, int]:
    """{thread id: how far the person has read} for a page of threads (one query)."""
    if not user.is_authenticated or not thread_ids:
        return {}
    return dict(
        ThreadRead.objects.filter(user=user, thread_id__in=thread_ids).values_list(
            "thread_id", "last_number"
        )
    )


def posts_page(thread: Thread, page_number: int) -> list[Post]:
    """Posts numbered ((page-1)*PER_PAGE, page*PER_PAGE]: a range on the (thread, number)
    unique index, whatever the length of the thread; with their authors' names and badges
    (`post.badge`, as kyoso.accounts.verification.badges_for gives them) in the same prepared
    query (kyoso.core.prepared), and their attachments (`post.attachment_list`) read only when
    a post of the page has one."""
    from kyoso.accounts.models import User, Verification

    start = (page_number - 1) * PER_PAGE
    author_field = Post._meta.get_field("author")
    posts, by_id, has_any = [], {}, False
    for row in _POSTS.rows(thread.pk, start, start + PER_PAGE):
        *values, name, badge, has_files = row
        post = instance(Post, POST_COLUMNS, values)
        author_field.set_cached_value(
            post, instance(User, ["id", "display_name"], [post.author_id, name])
        )
        post.badge = ""
        if badge:
            role, layer, muni_name = badge.split("|", 2)
            held = instance(Verification, ["role", "layer"], [role, layer])
            post.badge = f"{held.badge}・{muni_name}"
        post.attachment_list = []
        posts.append(post)
        by_id[post.pk] = post
        has_any = has_any or bool(has_files)
    if has_any:
        for row in _ATTACHMENTS.rows(thread.pk, start, start + PER_PAGE):
            by_id[row[1]].attachment_list.append(instance(PostAttachment, ATTACHMENT_COLUMNS, row))
    return posts


def _posts_query(thread, lo, hi):
    from django.db.models import CharField, Exists, OuterRef, Subquery, Value
    from django.db.models.functions import Concat

    from kyoso.accounts.models import Verification

    # The newest approved verification of the author: "role|layer|municipality name".
    badge = (
        Verification.objects.filter(
            user_id=OuterRef("author_id"), status=Verification.Status.APPROVED
        )
        .order_by("-decided_at", "-id")
        .annotate(
            text=Concat(
                "role", Value("|"), "layer", Value("|"), "municipality__name",
                output_field=CharField(),
            )
        )
        .values("text")[:1]
    )  # fmt: skip
    return (
        Post.objects.filter(thread_id=thread, number__gt=lo, number__lte=hi)
        .order_by("number")
        .annotate(
            badge_text=Subquery(badge, output_field=CharField()),
            has_files=Exists(PostAttachment.objects.filter(post_id=OuterRef("pk"))),
        )
        .values_list(*POST_COLUMNS, "author__display_name", "badge_text", "has_files")
    )


def thread_fields(thread: Thread) -> list:
    """The thread's fields (reference data in memory), in their order."""
    from kyoso.regions.reference import fields

    ids = getattr(thread, "field_ids", None)
    if ids is None:
        ids = set(thread.fields.values_list("id", flat=True))
    return [f for f in fields() if f.pk in ids]


# What a page of posts shows (attnames; the author's name follows).
POST_COLUMNS = [
    "id",
    "thread_id",
    "number",
    "author_id",
    "body",
    "created_at",
    "edited_at",
    "state",
    "held_reason",
    "is_deleted",
    "is_hidden",
    "hidden_reason",
]
ATTACHMENT_COLUMNS = ["id", "post_id", "kind", "original_name", "alt", "size"]
_POSTS = Prepared(_posts_query)
_ATTACHMENTS = Prepared(
    lambda thread, lo, hi: (
        PostAttachment.objects.filter(
            post__thread_id=thread, post__number__gt=lo, post__number__lte=hi
        )
        .order_by("id")
        .values_list(*ATTACHMENT_COLUMNS)
    )
)


def recent_threads(*, boards, limit: int = 5):
    return list(
        Thread.objects.filter(board__in=boards, is_hidden=False)
        .select_related("board")
        .order_by("-last_activity_at", "-id")[:limit]
    )
