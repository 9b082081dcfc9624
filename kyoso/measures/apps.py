"""Measures: ministries' measures, budgets, manuals and tools (各省庁の関連施策・予算情報)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeasuresConfig(AppConfig):
    name = "kyoso.measures"
    verbose_name = _("各省庁の関連施策・予算情報")

    def ready(self) -> None:
        from kyoso.moderation import registry as moderation
        from kyoso.search import registry as search

        from .models import Measure
        from .revisions import SPEC
        from .search import measure_document

        moderation.register(
            Measure, review_template="measures/partials/_review.html", revisions=SPEC
        )
        search.register(Measure, document=measure_document, label=_("施策・予算"))
