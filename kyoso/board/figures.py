"""The board's dashboard figure: threads by the prefecture they are about (their region, else
their board's prefecture) and by municipality; hidden threads are not counted."""

from django.db.models import Count
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from kyoso.core import dashboard


def _threads():
    from .models import Thread

    return Thread.objects.filter(is_hidden=False).annotate(
        pref=Coalesce(
            "prefecture_id", "municipality__prefecture_id", "board__platform__prefecture_id"
        )
    )


def register_figures() -> None:
    dashboard.register(
        dashboard.Figure(
            "threads",
            _("掲示板の話題"),
            by_prefecture=lambda: {
                pref: n
                for pref, n in _threads().values_list("pref").annotate(n=Count("id"))
                if pref
            },
            by_municipality=lambda pref: dict(
                _threads()
                .filter(pref=pref)
                .exclude(municipality=None)
                .values_list("municipality_id")
                .annotate(n=Count("id"))
            ),
            order=40,
        )
    )
