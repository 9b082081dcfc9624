"""`manage.py rebuild_search_index`: re-analyse every registered object.

Safe on a live site: rows are replaced one by one (searches keep working throughout) and entries
whose object is gone or no longer public are removed at the end."""

import sys
import time

from django.core.management.base import BaseCommand

from kyoso.search import registry
from kyoso.search.engine import _delete_fulltext, analyse_index, index_object
from kyoso.search.models import SearchEntry


class Command(BaseCommand):
    help = "Rebuild the search index for every registered content type."

    def add_arguments(self, parser):
        parser.add_argument(
            "--type", action="append", help="only this type (e.g. directory.organisation)"
        )

    def handle(self, *args, **options):
        wanted = set(options["type"] or [])
        for entry in registry.all_types():
            if wanted and entry.key not in wanted:
                continue
            qs = entry.model._default_manager.all()
            total = qs.count()
            started = time.monotonic()
            kept: set[str] = set()
            for done, obj in enumerate(qs.iterator(chunk_size=500), start=1):
                index_object(obj)
                kept.add(str(obj.pk))
                if done % 200 == 0 or done == total:
                    self._progress(entry.key, done, total)
            stale = SearchEntry.objects.filter(type=entry.key).exclude(object_id__in=kept)
            stale_ids = list(stale.values_list("id", flat=True))
            _delete_fulltext(stale_ids)
            SearchEntry.objects.filter(id__in=stale_ids).delete()
            if total == 0:
                self._progress(entry.key, 0, 0)
            self.stdout.write(
                f"\n{entry.key}: {total} objects in {time.monotonic() - started:.1f}s, "
                f"{len(stale_ids)} stale entries removed"
            )
        analyse_index()

    def _progress(self, key: str, done: int, total: int) -> None:
        width = 30
        filled = width if total == 0 else int(width * done / total)
        bar = "#" * filled + "-" * (width - filled)
        self.stdout.write(f"\r{key} [{bar}] {done}/{total}", ending="")
        sys.stdout.flush()
