"""`manage.py load_demo_data`: a living site for newcomers. Idempotent; everything is marked demo.

Each app may ship `demo.py` with `load(stdout) -> str`; they run in INSTALLED_APPS order."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Load the demo data set (fictional, marked as demo) for every section."

    def handle(self, *args, **options):
        for config in apps.get_app_configs():
            module_name = f"{config.name}.demo"
            if not config.name.startswith("kyoso.") or find_spec(module_name) is None:
                continue
            with transaction.atomic():
                summary = import_module(module_name).load()
            self.stdout.write(f"demo {config.label}: {summary}")
