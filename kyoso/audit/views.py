"""The audit log page for admins: national admins see everything, others their platforms."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _

from kyoso.core.decorators import staff_required
from kyoso.core.pagination import paginate
from kyoso.platforms.access import is_national_admin
from kyoso.platforms.models import PlatformRole

from .models import ACTION_LABELS
from .selectors import audit_entries


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
    page = paginate(request, audit_entries(platform_ids=platform_ids, action=action), per_page=50)
    return render(
        request,
        "audit/log.html",
        {
            "page": page,
            "action": action,
            "actions": sorted(ACTION_LABELS.items()),
            "breadcrumbs": [(_("監査ログ"), None)],
        },
    )
