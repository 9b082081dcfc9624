"""Who may read, post and moderate on the board. Every check in views goes through here.

A members-only board is for verified municipal staff and coordinators, and for admins: to
everyone else it, its threads and its posts do not exist (404, never 403, so that not even the
title of a room leaks)."""

import copy

from django.core.exceptions import PermissionDenied
from django.http import Http404

from kyoso.accounts.verification import is_verified
from kyoso.core.prepared import Prepared, instance
from kyoso.platforms.access import can_moderate, is_national_admin

from .models import Board, Post, Suspension, Thread


def can_read_board(user, board: Board) -> bool:
    if not board.members_only:
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    return is_verified(user) or is_national_admin(user) or can_moderate(user, board.platform)


def readable_board(user, key: str) -> Board | None:
    """The board with this id (as text, from a follow or a notification gate) if the user may
    read it, else None."""
    board = Board.objects.filter(pk=key).first() if key.isdigit() else None
    return board if board is not None and can_read_board(user, board) else None


def readable_boards(user) -> list[Board]:
    boards = list(Board.objects.select_related("platform__prefecture", "field"))
    return [b for b in boards if can_read_board(user, b)]


# Boards (a few dozen, changed by admins) are held per process until one changes: every board
# and thread page starts by finding its board. Saves of a Board bump this version (apps.py).
BOARDS_VERSION = "board.board"
_boards: dict = {"version": None, "by_slug": {}}


def _boards_by_slug() -> dict[str, Board]:
    from kyoso.search.engine import current_version

    version = current_version(BOARDS_VERSION)
    if _boards["version"] != version:
        found = Board.objects.select_related("platform__prefecture", "field")
        _boards.update(by_slug={b.slug: b for b in found}, version=version)
    return _boards["by_slug"]


def access_board(user, slug: str) -> Board:
    board = _boards_by_slug().get(slug)
    if board is None or not can_read_board(user, board):
        raise Http404
    return copy.copy(board)  # the kept one stays as it was, whatever a view sets on its copy


def is_moderator(user, board: Board) -> bool:
    return getattr(user, "is_authenticated", False) and can_moderate(user, board.platform)


def is_suspended(user, board: Board) -> bool:
    return Suspension.objects.filter(platform_id=board.platform_id, user=user).exists()


def can_post(user, board: Board) -> bool:
    """Signed-in people who may read the board and are not suspended on its platform."""
    return (
        getattr(user, "is_authenticated", False)
        and can_read_board(user, board)
        and not is_suspended(user, board)
    )


def access_thread(user, board: Board, pk: int) -> Thread:
    """A thread of a readable board; a hidden thread only for its author and moderators. One
    prepared query (kyoso.core.prepared); the board is the one in hand, the prefecture comes
    from the reference data in memory, the municipality's name and the field ids
    (`thread.field_ids`) with the thread."""
    from kyoso.regions.models import Municipality
    from kyoso.regions.reference import prefectures_by_code

    rows = _THREAD.rows(pk, board.pk) if 0 < pk < 2**31 else []
    if not rows:
        raise Http404
    *values, muni_name, field_ids = rows[0]
    thread = instance(Thread, _THREAD.names[:-2], values)
    thread.field_ids = {int(f) for f in field_ids.split(",")} if field_ids else set()
    Thread._meta.get_field("board").set_cached_value(thread, board)
    prefecture = prefectures_by_code().get(thread.prefecture_id) if thread.prefecture_id else None
    Thread._meta.get_field("prefecture").set_cached_value(thread, prefecture)
    municipality = (
        instance(Municipality, ["lg_code", "name"], [thread.municipality_id, muni_name])
        if thread.municipality_id
        else None
    )
    Thread._meta.get_field("municipality").set_cached_value(thread, municipality)
    if thread.is_hidden and not (thread.author_id == user.pk or is_moderator(user, board)):
        raise Http404
    return thread


def _thread_query(pk, board):
    from django.db.models import CharField, OuterRef, StringAgg, Subquery, Value
    from django.db.models.functions import Cast

    fields = (
        Thread.fields.through.objects.filter(thread_id=OuterRef("pk"))
        .values("thread_id")
        .annotate(ids=StringAgg(Cast("field_id", CharField()), Value(",")))
        .values("ids")
    )
    return (
        Thread.objects.filter(pk=pk, board_id=board)
        .annotate(field_ids_text=Subquery(fields, output_field=CharField()))
        .values_list(
            *[f.attname for f in Thread._meta.concrete_fields],
            "municipality__name",
            "field_ids_text",
        )
    )


_THREAD = Prepared(_thread_query)


def access_post(user, pk: int) -> Post:
    """A post the user may see: its board readable, and (if hidden or held) theirs or a
    moderator's."""
    post = Post.objects.select_related("thread__board__platform", "author").filter(pk=pk).first()
    if post is None or not can_read_board(user, post.thread.board):
        raise Http404
    board = post.thread.board
    if (post.thread.is_hidden or post.is_hidden or post.state != Post.State.PUBLISHED) and not (
        post.author_id == user.pk or is_moderator(user, board)
    ):
        raise Http404
    return post


def access_own_post(user, pk: int) -> Post:
    post = access_post(user, pk)
    if post.author_id != user.pk:
        raise PermissionDenied
    return post


def access_moderation(user, board: Board) -> None:
    if not is_moderator(user, board):
        raise PermissionDenied
