"""Cases: 官・民・住民の共創事例 — submitted, reviewed with an editor's checklist, found by region,
field, actor and measure, and analysed in figures."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "kyoso.cases"
    verbose_name = _("共創事例")

    def ready(self) -> None:
        from .figures import register_figures

        register_figures()
        from kyoso.core import blocks
        from kyoso.moderation import registry as moderation
        from kyoso.search import registry as search

        from .models import Case
        from .revisions import SPEC
        from .search import case_document

        moderation.register(
            Case,
            review_template="cases/partials/_review.html",
            revisions=SPEC,
            checklist=(
                ("personal", _("個人が特定される情報（氏名・住所・写真の顔など）を除いた")),
                ("numbers", _("成果の数値に出典が書かれている")),
                ("photos", _("写真は掲載の了解を得ている（写っている人・撮影者）")),
            ),
        )
        search.register(Case, document=case_document, label=_("共創事例"))
        from kyoso.notifications.delivery import notify_on_publish

        notify_on_publish(Case, kind=_("共創事例"), prefecture_of=lambda case: case.prefecture_id)
        blocks.register(
            blocks.Block(
                "new_cases",
                places=frozenset({blocks.NATIONAL_HOME, blocks.PLATFORM_HOME}),
                template="cases/partials/_home_block.html",
                context=home_block,
                order=18,
            )
        )
        blocks.register(
            blocks.Block(
                "organisation_cases",
                places=frozenset({blocks.ORGANISATION}),
                template="cases/partials/_linked_block.html",
                context=organisation_block,
                order=15,
            )
        )
        blocks.register(
            blocks.Block(
                "measure_cases",
                places=frozenset({blocks.MEASURE}),
                template="cases/partials/_linked_block.html",
                context=measure_block,
                order=10,
            )
        )


def home_block(*, place, platform, organisation):
    """The newest published cases: all on the national home, the prefecture's on its home."""
    from .selectors import newest

    pref = platform.prefecture_id if place == "platform_home" else None
    cases = newest(pref_code=pref, limit=4)
    return {"cases": cases, "platform": platform if pref else None} if cases else None


def organisation_block(*, place, platform, organisation):
    """The cases an organisation took part in (as a named actor), on its page."""
    from .selectors import with_organisation

    cases = with_organisation(organisation.pk)
    return {"cases": cases, "heading": _("参加した共創事例")} if cases else None


def measure_block(*, place, platform, organisation, measure=None):
    """The cases that used a measure, on the measure's page."""
    from .selectors import with_measure

    cases = with_measure(measure.pk)
    return {"cases": cases, "heading": _("この施策を活用した共創事例")} if cases else None
