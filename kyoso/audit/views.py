"""The audit log page for admins: national admins see everything, others their platforms."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _

from kyoso.core.decorators import staff_required
from kyoso.platforms.access import is_national_admin
from kyoso.platforms.models import PlatformRole

from .models import ACTION_LABELS
from .selectors import audit_entries

PER_PAGE = 50


@staff_required
def audit_log(request):
    user = request.user
    if is_national_admin(user):
        platform_ids = None
    else:
        platform_ids = set(
            PlatformRole.objects.filter(user=user, role=PlatformRole.Role.ADMIN).values_list(
                "platform_id", flat=True
            )
        )
        if not platform_ids:
            raise PermissionDenied
    action = request.GET.get("action", "")
    if action not in ACTION_LABELS:
        action = ""
    # Keyset paging (newest first, "older than entry N"): any depth of a log of millions of
    # entries costs one index range read, and no count of the whole table is needed.
    entries = audit_entries(platform_ids=platform_ids, action=action)
    before = request.GET.get("before", "")
    if before.isdigit() and len(before) < 19:
        entries = entries.filter(id__lt=int(before))
    rows = list(entries.order_by("-id")[: PER_PAGE + 1])
    older = rows[PER_PAGE - 1].pk if len(rows) > PER_PAGE else None
    rows = rows[:PER_PAGE]
    query = request.GET.copy()
    query.pop("page", None)
    if older is not None:
        query["before"] = str(older)
    older_url = f"?{query.urlencode()}" if older is not None else ""
    newest = request.GET.copy()
    newest.pop("before", None)
    newest.pop("page", None)
    return render(
        request,
        "audit/log.html",
        {
            "entries": rows,
            "older_url": older_url,
            "newest_url": f"?{newest.urlencode()}" if before else "",
            "action": action,
            "actions": sorted(ACTION_LABELS.items()),
            "breadcrumbs": [(_("監査ログ"), None)],
        },
    )
