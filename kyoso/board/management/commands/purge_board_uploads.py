"""Delete attachments kept between the two steps of starting a thread that were never posted.
Run daily (cron or a systemd timer)."""

from django.core.management.base import BaseCommand

from kyoso.board.files import purge_pending


class Command(BaseCommand):
    help = "Delete pending board uploads older than two hours."

    def handle(self, *args, **options):
        self.stdout.write(f"deleted {purge_pending()} pending uploads")
