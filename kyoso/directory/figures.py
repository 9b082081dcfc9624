"""The directory's dashboard figure: listed supporting members per prefecture (where they
registered) and per municipality (where they work)."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from kyoso.core import dashboard


def _by_prefecture() -> dict[str, int]:
    from .models import Organisation

    rows = (
        Organisation.objects.filter(status="published", is_suspended=False)
        .exclude(platform__prefecture=None)
        .values_list("platform__prefecture_id")
        .annotate(n=Count("id"))
    )
    return dict(rows)


def _by_municipality(pref_code: str) -> dict[str, int]:
    from .models import Organisation

    through = Organisation.area_municipalities.through
    rows = (
        through.objects.filter(
            municipality__prefecture_id=pref_code,
            organisation__status="published",
            organisation__is_suspended=False,
        )
        .values_list("municipality_id")
        .annotate(n=Count("organisation_id", distinct=True))
    )
    return dict(rows)


def register_figures() -> None:
    dashboard.register(
        dashboard.Figure(
            "members",
            _("賛同団体"),
            by_prefecture=_by_prefecture,
            by_municipality=_by_municipality,
            order=10,
        )
    )
