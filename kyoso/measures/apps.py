"""Measures: ministries' measures, budgets, manuals and tools (各省庁の関連施策・予算情報)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeasuresConfig(AppConfig):
    name = "kyoso.measures"
    verbose_name = _("各省庁の関連施策・予算情報")

    def ready(self) -> None:
        from kyoso.core import blocks
        from kyoso.moderation import registry as moderation
        from kyoso.search import registry as search

        from .models import Measure
        from .revisions import SPEC
        from .search import measure_document

        moderation.register(
            Measure, review_template="measures/partials/_review.html", revisions=SPEC
        )
        search.register(Measure, document=measure_document, label=_("施策・予算"))
        from kyoso.notifications.delivery import notify_on_publish

        notify_on_publish(Measure, kind=_("施策・予算"), prefecture_of=_measure_prefecture)
        blocks.register(
            blocks.Block(
                "featured_measures",
                places=frozenset({blocks.NATIONAL_HOME}),
                template="measures/partials/_home_block.html",
                context=featured_block,
                order=10,
            )
        )
        blocks.register(
            blocks.Block(
                "organisation_measures",
                places=frozenset({blocks.ORGANISATION}),
                template="measures/partials/_organisation_block.html",
                context=organisation_block,
                order=20,
            )
        )


def featured_block(*, place, platform, organisation):
    """The construction manual and support tools on the national home (hidden when none)."""
    from .selectors import featured

    measures = featured()
    return {"measures": measures} if measures else None


def organisation_block(*, place, platform, organisation):
    """The measures an organisation registered, on its page (hidden when none)."""
    from .selectors import published

    measures = list(
        published().filter(organisation=organisation).order_by("-announced_on", "-id")[:20]
    )
    return {"measures": measures} if measures else None


def _measure_prefecture(measure):
    return measure.platform.prefecture_id
