"""State changes for related links (audited), and the dead-link check."""

import urllib.error
import urllib.request

from django.db import transaction
from django.utils import timezone

from kyoso.audit.actions import audit_record

from .models import Link


@transaction.atomic
def link_save(*, actor, form) -> Link:
    creating = form.instance.pk is None
    link = form.save()
    audit_record(
        actor=actor,
        action="content.create" if creating else "content.update",
        platform=link.platform,
        target=link,
        data={"fields": form.changed_data},
    )
    return link


@transaction.atomic
def link_delete(*, actor, link: Link) -> None:
    audit_record(
        actor=actor,
        action="links.delete",
        platform=link.platform,
        target=link,
        data={"url": link.url},
    )
    link.delete()


def link_check(link: Link, *, timeout: float = 10.0, opener=None) -> Link:
    """HEAD (then GET when HEAD is refused) with a bounded timeout. Never raises: unreachable
    hosts, bad certificates and timeouts are recorded as the link's error."""
    opener = opener or urllib.request.build_opener()
    status, error = None, ""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(  # noqa: S310 - admins' http(s) links only (URLField)
            link.url, method=method, headers={"User-Agent": "Kyoso link checker"}
        )
        try:
            with opener.open(request, timeout=timeout) as response:
                status, error = response.status, ""
        except urllib.error.HTTPError as exc:
            status, error = exc.code, ""
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
            status, error = None, str(getattr(exc, "reason", exc))[:200]
        if status not in (405, 501):  # HEAD not allowed: try GET
            break
    link.check_status, link.check_error, link.checked_at = status, error, timezone.now()
    link.save(update_fields=["check_status", "check_error", "checked_at"])
    return link
