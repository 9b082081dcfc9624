"""The last activity on each prefectural platform (the newest audit entry), for the dashboards."""

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from kyoso.core import dashboard


def _latest() -> dict[str, object]:
    from .models import AuditEntry

    return dict(
        AuditEntry.objects.exclude(platform__prefecture=None)
        .values_list("platform__prefecture_id")
        .annotate(at=Max("created_at"))
    )


def register_figures() -> None:
    dashboard.register(
        dashboard.Figure(
            "activity", _("最終の活動"), by_prefecture=_latest, order=90, kind="latest"
        )
    )
