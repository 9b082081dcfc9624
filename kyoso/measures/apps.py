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
        from kyoso.moderation.actions import status_changed

        status_changed.connect(notify_followers, sender=Measure, dispatch_uid="measures.notify")
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


def notify_followers(sender, instance, old, new, actor, **kwargs):
    """Followers of the measure's fields, its platform's prefecture and its organisation hear
    of it when it is published (status_changed is sent after the commit)."""
    from django.utils.translation import gettext as _

    from kyoso.notifications.delivery import notify_published

    if new != "published" or old == "published":
        return
    pref = instance.platform.prefecture_id
    notify_published(
        kind=_("施策・予算"),
        title=instance.title,
        url=instance.get_absolute_url(),
        fields=instance.fields.values_list("slug", flat=True),
        prefectures=[pref] if pref else [],
        organisation_id=instance.organisation_id,
        exclude=[instance.submitted_by_id],
    )
