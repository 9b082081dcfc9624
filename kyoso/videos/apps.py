"""Videos: the symposium archive, interviews, organisations' videos and training series."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VideosConfig(AppConfig):
    name = "kyoso.videos"
    verbose_name = _("シンポジウム動画・研修")

    def ready(self) -> None:
        from kyoso.core import blocks
        from kyoso.moderation import registry as moderation
        from kyoso.moderation.actions import status_changed
        from kyoso.search import registry as search

        from .models import Chapter, Video
        from .search import chapter_document, video_document

        moderation.register(Video, review_template="videos/partials/_review.html")
        search.register(Video, document=video_document, label=_("動画"))
        search.register(Chapter, document=chapter_document, label=_("動画の場面"))
        status_changed.connect(_index_chapters, sender=Video, dispatch_uid="videos.chapters")
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from kyoso.core.cache import pages_changed

        from .models import Series

        # A series has no search entry of its own: its title, date and the cases it presented
        # (on its page, the video list and the cases' pages) renew the anonymous pages here.
        for signal in (post_save, post_delete):
            signal.connect(pages_changed, sender=Series, dispatch_uid=f"videos.series.{signal!r}")
        m2m_changed.connect(
            pages_changed, sender=Series.cases.through, dispatch_uid="videos.series.cases"
        )
        blocks.register(
            blocks.Block(
                "training_progress",
                places=frozenset({blocks.MY_PAGE}),
                template="videos/partials/_my_training.html",
                context=my_training_block,
                order=30,
            )
        )
        blocks.register(
            blocks.Block(
                "organisation_videos",
                places=frozenset({blocks.ORGANISATION}),
                template="videos/partials/_organisation_block.html",
                context=organisation_block,
                order=25,
            )
        )
        blocks.register(
            blocks.Block(
                "case_presented_at",
                places=frozenset({blocks.CASE}),
                template="videos/partials/_case_block.html",
                context=case_block,
                order=10,
            )
        )
        blocks.register(
            blocks.Block(
                "new_videos",
                places=frozenset({blocks.NATIONAL_HOME}),
                template="videos/partials/_home_block.html",
                context=home_block,
                order=25,
            )
        )


def _index_chapters(sender, instance, **kwargs):
    """A video's chapters follow it into (and out of) search when it is published or archived."""
    from kyoso.search.tasks import schedule_index

    for chapter in instance.chapters.all():
        schedule_index(chapter)


def my_training_block(*, place, platform, organisation, user):
    from .selectors import my_progress

    rows = my_progress(user)
    return {"rows": rows}


def organisation_block(*, place, platform, organisation):
    """An organisation's own published videos, on its page (hidden when none)."""
    from .selectors import published_videos

    videos = list(published_videos().filter(series__organisation=organisation)[:10])
    return {"videos": videos} if videos else None


def case_block(*, place, platform, organisation, case=None):
    """The symposiums (and other series) that presented a case, on the case's page."""
    from django.db.models import Q

    from .models import Series

    series = list(
        Series.objects.filter(cases=case)
        .filter(Q(videos__status="published"))
        .distinct()
        .order_by("-held_on", "-id")
    )
    return {"series": series} if series else None


def home_block(*, place, platform, organisation):
    from .selectors import published_videos

    videos = list(published_videos().select_related("series").order_by("-published_at", "-id")[:3])
    return {"videos": videos} if videos else None
