"""The cases' dashboard figure: published cases by prefecture and municipality."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from kyoso.core import dashboard


def _published():
    from .models import Case

    return Case.objects.filter(status="published")


def register_figures() -> None:
    dashboard.register(
        dashboard.Figure(
            "cases",
            _("共創事例"),
            by_prefecture=lambda: dict(
                _published().values_list("prefecture_id").annotate(n=Count("id"))
            ),
            by_municipality=lambda pref: dict(
                _published()
                .filter(prefecture_id=pref)
                .exclude(municipality=None)
                .values_list("municipality_id")
                .annotate(n=Count("id"))
            ),
            order=30,
        )
    )
