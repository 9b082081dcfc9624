"""Who hears of what happens on the board (through kyoso.notifications)."""

from django.utils.translation import gettext as _

from kyoso.notifications import delivery

from .models import Post, Thread


def _gate(thread: Thread) -> str:
    return f"board:{thread.board_id}" if thread.board.members_only else ""


def thread_created(thread: Thread) -> None:
    """Followers of the board, of the thread's fields and of its prefecture hear of a new
    thread; its author follows it from now on."""
    targets = [("board", thread.board_id)]
    targets += [("field", slug) for slug in thread.fields.values_list("slug", flat=True)]
    pref = thread.prefecture_id or (
        thread.municipality.prefecture_id if thread.municipality else None
    )
    if pref:
        targets.append(("prefecture", pref))
    delivery.follow(thread.author, "thread", thread.pk, thread.title)
    delivery.notify(
        user_ids=delivery.followers(targets),
        text=_("「%(board)s」に新しい話題：%(title)s")
        % {"board": thread.board.name, "title": thread.title},
        url=thread.get_absolute_url(),
        gate=_gate(thread),
        exclude=[thread.author_id],
    )


def reply_created(post: Post) -> None:
    """Followers of the thread hear of a reply; the replier follows the thread from now on."""
    thread = post.thread
    delivery.follow(post.author, "thread", thread.pk, thread.title)
    delivery.notify(
        user_ids=delivery.followers([("thread", thread.pk)]),
        text=_("「%(title)s」に%(name)sさんが返信しました")
        % {"title": thread.title, "name": post.author.public_name},
        url=post.get_absolute_url(),
        gate=_gate(thread),
        exclude=[post.author_id],
    )


def board_gate(user, value: str) -> bool:
    from .access import readable_board

    return readable_board(user, value) is not None
