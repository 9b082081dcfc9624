"""`manage.py check_links`: report dead related links (results show on the admin page)."""

from django.core.management.base import BaseCommand

from kyoso.links.actions import link_check
from kyoso.links.models import Link


class Command(BaseCommand):
    help = "Check every related link (bounded timeouts); the results appear on /manage/links/."

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=10.0)

    def handle(self, *args, **options):
        broken = 0
        for link in Link.objects.all():
            link_check(link, timeout=options["timeout"])
            if link.is_broken:
                broken += 1
                self.stdout.write(f"NG  {link.check_status or '-'}  {link.url}  {link.check_error}")
        self.stdout.write(f"checked {Link.objects.count()} links, {broken} broken")
