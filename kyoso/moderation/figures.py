"""The review queue's dashboard figure: submissions and proposed changes waiting per platform
(one count query per reviewable type, plus one for proposed changes)."""

from collections import Counter

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from kyoso.core import dashboard


def _by_prefecture() -> dict[str, int]:
    from . import registry
    from .models import PendingRevision

    counts: Counter = Counter()
    for entry in registry.all_types():
        for pref, n in (
            entry.model.objects.filter(status="pending")
            .exclude(platform__prefecture=None)
            .values_list("platform__prefecture_id")
            .annotate(n=Count("id"))
        ):
            counts[pref] += n
    for pref, n in (
        PendingRevision.objects.filter(state="pending")
        .exclude(platform__prefecture=None)
        .values_list("platform__prefecture_id")
        .annotate(n=Count("id"))
    ):
        counts[pref] += n
    return dict(counts)


def register_figures() -> None:
    dashboard.register(
        dashboard.Figure("pending", _("審査待ち"), by_prefecture=_by_prefecture, order=80)
    )
