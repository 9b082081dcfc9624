"""Read queries for the board: lists of threads with their kept counts, a page of a thread's
posts (a page of a 2,000-reply thread reads 20 rows by (thread, number), like a page of a short
one), and unread markers."""

from django.db.models import Q

from .models import Board, Post, Thread, ThreadRead

PER_PAGE = 20
SORTS = {
    "activity": ["-is_pinned", "-last_activity_at", "-id"],
    "new": ["-is_pinned", "-created_at", "-id"],
    "same": ["-is_pinned", "-same_count", "-last_activity_at", "-id"],
}


def visible_threads(board: Board, *, user=None, moderator: bool = False):
    threads = Thread.objects.filter(board=board).select_related("author", "municipality")
    if moderator:
        return threads
    if user is not None and user.is_authenticated:
        return threads.filter(Q(is_hidden=False) | Q(author=user))
    return threads.filter(is_hidden=False)


def thread_list(board: Board, *, sort: str, user=None, moderator: bool = False):
    return visible_threads(board, user=user, moderator=moderator).order_by(*SORTS[sort])


def unread_numbers(user, threads) -> dict[int, int]:
    """{thread id: how far the person has read} for a page of threads (one query)."""
    if not user.is_authenticated:
        return {}
    return dict(
        ThreadRead.objects.filter(user=user, thread__in=[t.pk for t in threads]).values_list(
            "thread_id", "last_number"
        )
    )


def posts_page(thread: Thread, page_number: int) -> list[Post]:
    """Posts numbered ((page-1)*PER_PAGE, page*PER_PAGE]: a range on the (thread, number)
    unique index, whatever the length of the thread."""
    start = (page_number - 1) * PER_PAGE
    return list(
        Post.objects.filter(thread=thread, number__gt=start, number__lte=start + PER_PAGE)
        .select_related("author")
        .only(*POST_COLUMNS)
        .prefetch_related("attachments")
        .order_by("number")
    )


# What a page of posts shows: reading fewer columns also builds the query faster.
POST_COLUMNS = [
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
    "author__display_name",
]


def recent_threads(*, boards, limit: int = 5):
    return list(
        Thread.objects.filter(board__in=boards, is_hidden=False)
        .select_related("board")
        .order_by("-last_activity_at", "-id")[:limit]
    )
