"""The events' dashboard figure: published events by the prefecture and municipality of their
venue (online-only events have none)."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from kyoso.core import dashboard


def _published():
    from .models import Event

    return Event.objects.filter(status="published").exclude(municipality=None)


def register_figures() -> None:
    dashboard.register(
        dashboard.Figure(
            "events",
            _("イベント"),
            by_prefecture=lambda: dict(
                _published().values_list("municipality__prefecture_id").annotate(n=Count("id"))
            ),
            by_municipality=lambda pref: dict(
                _published()
                .filter(municipality__prefecture_id=pref)
                .values_list("municipality_id")
                .annotate(n=Count("id"))
            ),
            order=20,
        )
    )
