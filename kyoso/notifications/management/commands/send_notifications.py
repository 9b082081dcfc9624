"""Retry pending notification mails and send due digests. Run every 15 minutes (cron/systemd)."""

from django.core.management.base import BaseCommand

from kyoso.notifications.delivery import run


class Command(BaseCommand):
    help = "Retry pending notification mails and send due daily/weekly digests."

    def handle(self, *args, **options):
        result = run()
        self.stdout.write(f"retried {result['retried']}, digests {result['digests']}")
