"""State changes on the board. Each runs in one transaction; moderators' actions are audited;
notifications go out after commit (kyoso.notifications)."""

import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from kyoso.audit.actions import audit_record
from kyoso.core.cache import pages_changed
from kyoso.search.tasks import schedule_index

from . import files, notify
from .models import (
    EDIT_WINDOW_HOURS,
    BoardSettings,
    NgWord,
    Post,
    PostEdit,
    Report,
    SameProblem,
    Suspension,
    Thread,
    ThreadRead,
)
from .text import has_link, ng_words_in


class NotAllowed(Exception):
    """A state change the rules refuse; its message is shown to the person."""


def _has_ng_word(platform_id: int, text: str) -> bool:
    """Whether the text holds one of the platform's NG words."""
    words = NgWord.objects.filter(platform_id=platform_id).values_list("word", flat=True)
    return bool(ng_words_in(text, list(words)))


def _hold_reason(*, user, board, body: str) -> str:
    """Why a new post waits for a moderator ('' = publish at once)."""
    if _has_ng_word(board.platform_id, body):
        return "ng_word"
    approved_before = Post.objects.filter(
        author=user, state=Post.State.PUBLISHED, thread__board__platform_id=board.platform_id
    ).exists()
    if not approved_before:
        settings_row = BoardSettings.objects.filter(platform_id=board.platform_id).first()
        if settings_row is not None and settings_row.hold_first_posts:
            return "first_post"
        if has_link(body) and not Post.objects.filter(author=user, state="published").exists():
            return "first_link"
    return ""


def _new_post(*, thread: Thread, user, body: str, hold: str) -> Post:
    # The number comes from the thread row, locked for the update: two replies never share one.
    Thread.objects.filter(pk=thread.pk).update(last_number=F("last_number") + 1)
    number = Thread.objects.values_list("last_number", flat=True).get(pk=thread.pk)
    return Post.objects.create(
        thread=thread,
        number=number,
        author=user,
        body=body,
        state=Post.State.HELD if hold else Post.State.PUBLISHED,
        held_reason=hold,
    )


@transaction.atomic
def thread_create(
    *, user, board, data: dict, attachment: dict | None = None
) -> tuple[Thread, Post]:
    now = timezone.now()
    thread = Thread.objects.create(
        board=board,
        author=user,
        title=data["title"],
        prefecture=data.get("prefecture"),
        municipality=data.get("municipality"),
        last_activity_at=now,
    )
    thread.fields.set(data.get("fields") or [])
    hold = _hold_reason(user=user, board=board, body=f"{data['title']}\n{data['body']}")
    post = _new_post(thread=thread, user=user, body=data["body"], hold=hold)
    if attachment is not None:
        files.attach(post, attachment)
    if hold:
        # A thread whose opening post waits is not listed until a moderator publishes it.
        Thread.objects.filter(pk=thread.pk).update(is_hidden=True, hidden_reason="")
        thread.refresh_from_db()
    else:
        schedule_index(thread)
        notify.thread_created(thread)
    ThreadRead.objects.create(thread=thread, user=user, last_number=post.number)
    return thread, post


@transaction.atomic
def reply_create(*, user, thread: Thread, body: str, attachment: dict | None = None) -> Post:
    if thread.is_locked:
        raise NotAllowed("locked")
    hold = _hold_reason(user=user, board=thread.board, body=body)
    post = _new_post(thread=thread, user=user, body=body, hold=hold)
    if attachment is not None:
        files.attach(post, attachment)
    if not hold:
        Thread.objects.filter(pk=thread.pk).update(
            reply_count=F("reply_count") + 1, last_activity_at=post.created_at
        )
        pages_changed()  # the home pages' board block shows replies and activity
        notify.reply_created(post)
    ThreadRead.objects.update_or_create(
        thread=thread, user=user, defaults={"last_number": post.number}
    )
    return post


def can_still_edit(post: Post, now=None) -> bool:
    now = now or timezone.now()
    return (
        not post.is_deleted
        and not post.is_hidden
        and now - post.created_at <= datetime.timedelta(hours=EDIT_WINDOW_HOURS)
    )


@transaction.atomic
def post_edit(*, user, post: Post, body: str, title: str | None = None) -> Post:
    if not can_still_edit(post):
        raise NotAllowed("window")
    if body == post.body and (title is None or title == post.thread.title):
        return post
    PostEdit.objects.create(post=post, body=post.body)
    hold = (
        "ng_word" if _has_ng_word(post.thread.board.platform_id, f"{title or ''}\n{body}") else ""
    )
    Post.objects.filter(pk=post.pk).update(
        body=body,
        edited_at=timezone.now(),
        state=Post.State.HELD if hold else post.state,
        held_reason=hold or post.held_reason,
    )
    if title is not None and post.number == 1 and title != post.thread.title:
        Thread.objects.filter(pk=post.thread_id).update(title=title)
    post.refresh_from_db()
    if post.number == 1:
        schedule_index(post.thread)
    return post


@transaction.atomic
def post_delete(*, user, post: Post) -> Post:
    """The author's own deletion: the text goes, 削除されました stays in its place."""
    Post.objects.filter(pk=post.pk).update(is_deleted=True, body="")
    PostEdit.objects.filter(post=post).delete()
    post.refresh_from_db()
    if post.number == 1:
        schedule_index(post.thread)
    return post


@transaction.atomic
def same_problem_toggle(*, user, thread: Thread) -> bool:
    """Say (or take back) 「同じ悩みがあります」. Returns whether it is now said."""
    found = SameProblem.objects.filter(thread=thread, user=user)
    pages_changed()  # the home pages' board block shows the count
    if found.exists():
        found.delete()
        Thread.objects.filter(pk=thread.pk, same_count__gt=0).update(same_count=F("same_count") - 1)
        return False
    SameProblem.objects.create(thread=thread, user=user)
    Thread.objects.filter(pk=thread.pk).update(same_count=F("same_count") + 1)
    return True


def mark_read(*, user, thread: Thread, number: int) -> None:
    if not user.is_authenticated:
        return
    row, created = ThreadRead.objects.get_or_create(
        thread=thread, user=user, defaults={"last_number": number}
    )
    if not created and row.last_number < number:
        ThreadRead.objects.filter(pk=row.pk, last_number__lt=number).update(last_number=number)


@transaction.atomic
def report_create(*, user, post: Post, reason: str, note: str) -> Report:
    return Report.objects.create(post=post, reporter=user, reason=reason, note=note)


def _resolve_reports(post: Post, actor, outcome: str) -> None:
    Report.objects.filter(post=post, resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=actor, outcome=outcome
    )


@transaction.atomic
def post_moderate(*, actor, post: Post, action: str, reason: str) -> Post:
    """hide / restore / approve (a held post) / keep (close its reports, leave it shown)."""
    thread = post.thread
    platform = thread.board.platform
    if action == "hide":
        Post.objects.filter(pk=post.pk).update(
            is_hidden=True, hidden_reason=reason, hidden_by=actor
        )
        _resolve_reports(post, actor, "hidden")
        if post.number == 1:
            Thread.objects.filter(pk=thread.pk).update(is_hidden=True, hidden_reason=reason)
    elif action == "restore":
        Post.objects.filter(pk=post.pk).update(is_hidden=False, hidden_reason="", hidden_by=None)
        if post.number == 1:
            Thread.objects.filter(pk=thread.pk).update(is_hidden=False, hidden_reason="")
    elif action == "approve":
        if post.state != Post.State.HELD:
            raise NotAllowed("state")
        Post.objects.filter(pk=post.pk).update(state=Post.State.PUBLISHED, held_reason="")
        if post.number == 1:
            Thread.objects.filter(pk=thread.pk).update(is_hidden=False, hidden_reason="")
            notify.thread_created(thread)
        else:
            Thread.objects.filter(pk=thread.pk).update(
                reply_count=F("reply_count") + 1, last_activity_at=timezone.now()
            )
            notify.reply_created(post)
    elif action == "keep":
        _resolve_reports(post, actor, "kept")
    else:
        raise NotAllowed("action")
    audit_record(
        actor=actor,
        action=f"board.post_{action}",
        platform=platform,
        target=post,
        data={"reason": reason, "thread": thread.pk, "number": post.number},
    )
    post.refresh_from_db()
    thread.refresh_from_db()
    schedule_index(thread)
    return post


@transaction.atomic
def thread_moderate(*, actor, thread: Thread, action: str, reason: str, board=None) -> Thread:
    """lock / unlock / pin / unpin / move (to `board`)."""
    changes = {
        "lock": {"is_locked": True},
        "unlock": {"is_locked": False},
        "pin": {"is_pinned": True},
        "unpin": {"is_pinned": False},
    }
    data = {"reason": reason}
    if action == "move":
        if board is None or board.pk == thread.board_id:
            raise NotAllowed("board")
        data.update({"from": thread.board.slug, "to": board.slug})
        Thread.objects.filter(pk=thread.pk).update(board=board)
    elif action in changes:
        Thread.objects.filter(pk=thread.pk).update(**changes[action])
    else:
        raise NotAllowed("action")
    audit_record(
        actor=actor,
        action=f"board.thread_{action}",
        platform=thread.board.platform,
        target=thread,
        data=data,
    )
    thread.refresh_from_db()
    schedule_index(thread)
    return thread


@transaction.atomic
def user_suspend(*, actor, platform, user, reason: str, hide_all: bool) -> int:
    """Stop a person posting on a platform's boards; optionally hide everything they wrote
    there. Returns how many posts were hidden."""
    Suspension.objects.update_or_create(
        platform=platform, user=user, defaults={"reason": reason, "created_by": actor}
    )
    hidden = 0
    if hide_all:
        posts = Post.objects.filter(author=user, thread__board__platform=platform, is_hidden=False)
        hidden = posts.update(is_hidden=True, hidden_reason=reason, hidden_by=actor)
        threads = Thread.objects.filter(author=user, board__platform=platform)
        for thread in threads:
            schedule_index(thread)
        threads.update(is_hidden=True, hidden_reason=reason)
    audit_record(
        actor=actor,
        action="board.suspend",
        platform=platform,
        target=user,
        data={"reason": reason, "hidden_posts": hidden},
    )
    return hidden


def boards_ensure(**kwargs) -> int:
    """The standing boards (idempotent): 分野横断, one per field and one per prefectural
    platform. Topic boards are created by admins. Called when the platforms are ensured."""
    from kyoso.platforms.models import Platform
    from kyoso.regions.models import Field

    from .models import Board

    national = Platform.objects.filter(prefecture__isnull=True).first()
    if national is None:
        return 0
    Board.objects.get_or_create(
        slug="cross",
        defaults={
            "name": "分野横断",
            "kind": Board.Kind.CROSS,
            "platform": national,
            "order": 1,
            "description": "分野を超えて、地域づくりや生活支援について話し合う場です。",
        },
    )
    for field in Field.objects.order_by("order"):
        Board.objects.get_or_create(
            slug=f"field-{field.slug}",
            defaults={
                "name": field.name,
                "kind": Board.Kind.FIELD,
                "field": field,
                "platform": national,
                "order": 100 + field.order,
            },
        )
    for platform in Platform.objects.filter(prefecture__isnull=False).select_related("prefecture"):
        Board.objects.get_or_create(
            slug=platform.slug,
            defaults={
                "name": f"{platform.prefecture.name}の掲示板",
                "kind": Board.Kind.PLATFORM,
                "platform": platform,
                "order": 200 + int(platform.prefecture_id),
                "description": f"{platform.prefecture.name}で活動する人どうしの情報交換の場です。",
            },
        )
    return Board.objects.count()
