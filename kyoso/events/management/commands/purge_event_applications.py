"""`manage.py purge_event_applications`: erase applicants' names and contacts
EVENT_APPLICATION_RETENTION_DAYS after their event (run it daily, e.g. from cron)."""

from django.core.management.base import BaseCommand

from kyoso.events.applications import purge


class Command(BaseCommand):
    help = "Erase the personal data of applicants to events that ended long enough ago."

    def handle(self, *args, **options):
        self.stdout.write(f"anonymised {purge()} applications")
