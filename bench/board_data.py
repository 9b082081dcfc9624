"""Board data for bench/pages.py: a thread of 2,000 replies (kept for later runs), so that a page
of a long thread can be compared with a page of a short one. Prints the board and thread paths as
JSON. Run with the bench environment (KYOSO_VAR_DIR / DATABASE_URL) set."""

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kyoso.settings")

REPLIES = 2_000
TITLE = "ベンチ用の長い話題（返信2,000件）"


def main() -> None:
    import django

    django.setup()
    from django.db import transaction
    from django.utils import timezone

    from kyoso.accounts.models import User
    from kyoso.board.models import Board, Post, Thread

    author = User.objects.get(email="resident@demo.kyoso.example")
    board = Board.objects.get(slug="cross")
    thread = Thread.objects.filter(title=TITLE).first()
    if thread is None:
        with transaction.atomic():
            thread = Thread.objects.create(
                board=board,
                author=author,
                title=TITLE,
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
                for n in range(1, REPLIES + 2)
            )
            Thread.objects.filter(pk=thread.pk).update(last_number=REPLIES + 1, reply_count=REPLIES)
    short = [
        t.get_absolute_url()
        for t in Thread.objects.filter(is_hidden=False, board__members_only=False)
        .exclude(pk=thread.pk)
        .select_related("board")
    ]
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
