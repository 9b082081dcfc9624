"""The exchange board (交流掲示板): cross-field, per field, per prefecture and topic boards, some
members-only for verified municipal staff and coordinators."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BoardConfig(AppConfig):
    name = "kyoso.board"
    verbose_name = _("交流掲示板")

    def ready(self) -> None:
        from .figures import register_figures

        register_figures()
        from kyoso.core import blocks
        from kyoso.notifications import delivery, targets
        from kyoso.search import registry as search

        from .models import Thread
        from .notify import board_gate
        from .search import thread_document

        search.register(Thread, document=thread_document, label=_("掲示板"))
        from django.db.models.signals import post_delete, post_save

        from .models import Board

        for signal in (post_save, post_delete):
            signal.connect(boards_changed, sender=Board, dispatch_uid=f"board.boards.{signal!r}")
        from kyoso.platforms.actions import platforms_ready

        from .actions import boards_ensure

        platforms_ready.connect(boards_ensure, dispatch_uid="board.boards_ensure")
        delivery.register_gate("board", board_gate)
        targets.register("board", board_label)
        targets.register("thread", thread_label)
        blocks.register(
            blocks.Block(
                "board_reports",
                places=frozenset({blocks.REVIEW_QUEUE}),
                template="board/partials/_review_block.html",
                context=review_block,
                order=10,
            )
        )
        blocks.register(
            blocks.Block(
                "board_threads",
                places=frozenset({blocks.NATIONAL_HOME, blocks.PLATFORM_HOME}),
                template="board/partials/_home_block.html",
                context=home_block,
                order=25,
            )
        )


def boards_changed(**kwargs) -> None:
    """Every process re-reads the boards it keeps (kyoso.board.access) after this save, and the
    anonymous pages start again (the home pages' board block shows the boards' names)."""
    from kyoso.core.cache import pages_changed
    from kyoso.search.engine import bump_version

    from .access import BOARDS_VERSION

    bump_version({BOARDS_VERSION})
    pages_changed()


def board_label(user, key: str) -> str | None:
    from .access import readable_board

    board = readable_board(user, key)
    return board.name if board is not None else None


def thread_label(user, key: str) -> str | None:
    from .access import can_read_board
    from .models import Thread

    thread = (
        Thread.objects.select_related("board").filter(pk=key, is_hidden=False).first()
        if key.isdigit()
        else None
    )
    return thread.title if thread is not None and can_read_board(user, thread.board) else None


def home_block(*, place, platform, organisation):
    """Active public threads: all public boards on the national home, the prefecture's board on
    its home."""
    from .models import Board
    from .selectors import recent_threads

    boards = Board.objects.filter(members_only=False)
    if place == blocks_platform_home():
        boards = boards.filter(platform=platform)
    threads = recent_threads(boards=boards, limit=5)
    if not threads:
        return None
    return {"threads": threads, "platform": platform if place == blocks_platform_home() else None}


def blocks_platform_home() -> str:
    from kyoso.core.blocks import PLATFORM_HOME

    return PLATFORM_HOME


def review_block(*, place, platform, organisation, user):
    """Open board reports and held posts of the platforms this person moderates (hidden when
    there are none)."""
    from kyoso.platforms.access import moderated_platform_ids

    from .models import Post, Report

    ids = {platform.pk} if platform is not None else moderated_platform_ids(user)
    reports = Report.objects.filter(resolved_at__isnull=True)
    held = Post.objects.filter(state=Post.State.HELD, is_deleted=False)
    if ids is not None:
        reports = reports.filter(post__thread__board__platform_id__in=ids)
        held = held.filter(thread__board__platform_id__in=ids)
    counts = {"reports": reports.count(), "held": held.count()}
    return counts if counts["reports"] or counts["held"] else None
