"""`manage.py load_reference_data`: prefectures, municipalities, fields and one platform each."""

from django.core.management.base import BaseCommand

from kyoso.platforms.actions import platforms_ensure
from kyoso.regions.loader import load_reference_data


class Command(BaseCommand):
    help = "Load or update the shipped reference data (idempotent) and create the platforms."

    def handle(self, *args, **options):
        report = load_reference_data()
        platforms = platforms_ensure()
        self.stdout.write(
            f"reference data: {report.prefectures} prefectures, "
            f"{report.municipalities} municipalities ({report.retired} retired), "
            f"{report.fields} fields, {platforms} platforms"
        )
