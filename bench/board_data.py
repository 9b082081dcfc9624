"""Board data for bench/pages.py: a thread of 2,000 replies and one of 19 (kept for later runs),
so that any page of a long thread can be compared with the one full page of a short thread.
Prints the board and thread paths as JSON. Run with the bench environment (KYOSO_VAR_DIR /
DATABASE_URL) set."""

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kyoso.settings")

REPLIES = 2_000
TITLE = "ベンチ用の長い話題（返信2,000件）"
SHORT = 19  # replies: with its opening post, one full page of 20
SHORT_TITLE = "ベンチ用の短い話題（返信19件）"


def main() -> None:
    import django

    django.setup()
    from django.db import transaction
    from django.utils import timezone

    from kyoso.accounts.models import User
    from kyoso.board.models import Board, Post, Thread

    author = User.objects.get(email="resident@demo.kyoso.example")
    board = Board.objects.get(slug="cross")
    threads = {}
    for title, replies in ((TITLE, REPLIES), (SHORT_TITLE, SHORT)):
        thread = Thread.objects.filter(title=title).first()
        if thread is None:
            with transaction.atomic():
                thread = Thread.objects.create(
                    board=board,
                    author=author,
                    title=title,
                    last_activity_at=timezone.now(),
                    is_demo=True,
                )
                Post.objects.bulk_create(
                    Post(
                        thread=thread,
                        number=n,
                        author=author,
                        body=f"{n}件目の返信です。**見守り**と買い物支援について。",
                        is_demo=True,
                    )
                    for n in range(1, replies + 2)
                )
                Thread.objects.filter(pk=thread.pk).update(
                    last_number=replies + 1, reply_count=replies
                )
        threads[title] = thread
    thread = threads[TITLE]
    # A page of the long thread against the one full page of a short thread (20 posts each).
    short = [threads[SHORT_TITLE].get_absolute_url()]
    print(
        json.dumps(
            {
                "boards": [b.slug for b in Board.objects.filter(members_only=False)],
                "long": thread.get_absolute_url(),
                "long_pages": (REPLIES + 1 + 19) // 20,
                "short": short,
            }
        )
    )


if __name__ == "__main__":
    main()
