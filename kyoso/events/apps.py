"""Events: 関連するイベント等の開催情報 — registered by members and admins, reviewed, found by
region, field, date and format, and read by calendars and open-data tools."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "kyoso.events"
    verbose_name = _("イベント情報")

    def ready(self) -> None:
        from .figures import register_figures

        register_figures()
        from kyoso.core import blocks
        from kyoso.moderation import registry as moderation
        from kyoso.search import registry as search

        from .models import Event
        from .revisions import SPEC
        from .search import event_document

        moderation.register(Event, review_template="events/partials/_review.html", revisions=SPEC)
        from kyoso.notifications.delivery import notify_on_publish

        notify_on_publish(Event, kind=_("イベント"), prefecture_of=_event_prefecture)
        search.register(Event, document=event_document, label=_("イベント"))
        from django.db.models.signals import post_delete, post_save

        from kyoso.core.cache import pages_changed, register_moment_source

        from .models import Application
        from .selectors import next_moment

        # The event's page tells everyone the places left: each application, cancellation or
        # move up from the waiting list changes it.
        for signal in (post_save, post_delete):
            signal.connect(pages_changed, sender=Application, dispatch_uid=f"events.{signal!r}")
        # Events leave the upcoming lists (and the home pages' block) when they end: cached
        # pages are kept until the next start, end or application deadline at the latest.
        register_moment_source(next_moment)
        blocks.register(
            blocks.Block(
                "upcoming_events",
                places=frozenset({blocks.NATIONAL_HOME, blocks.PLATFORM_HOME}),
                template="events/partials/_home_block.html",
                context=home_block,
                order=15,
            )
        )
        blocks.register(
            blocks.Block(
                "organisation_events",
                places=frozenset({blocks.ORGANISATION}),
                template="events/partials/_organisation_block.html",
                context=organisation_block,
                order=10,
            )
        )
        blocks.register(
            blocks.Block(
                "my_applications",
                places=frozenset({blocks.MY_PAGE}),
                template="events/partials/_my_applications.html",
                context=my_applications_block,
                order=10,
            )
        )


def home_block(*, place, platform, organisation):
    """The next events: nationwide on the national home, in the prefecture on its home."""
    from .selectors import upcoming

    if place == "platform_home":
        events = upcoming(platform=platform, pref_code=platform.prefecture_id, limit=5)
    else:
        events = upcoming(limit=5)
    return {"events": events, "platform": platform if place == "platform_home" else None}


def organisation_block(*, place, platform, organisation):
    """The organisation's upcoming events, on its page (hidden when none)."""
    from .selectors import upcoming

    events = upcoming(organisation=organisation, limit=10)
    return {"events": events} if events else None


def my_applications_block(*, place, platform, organisation, user):
    """The signed-in person's applications on マイページ (hidden when none)."""
    from django.urls import reverse

    from .applications import cancel_token
    from .models import Application

    rows = list(
        Application.objects.filter(user=user)
        .select_related("event__municipality")
        .order_by("-created_at")[:20]
    )
    for row in rows:
        row.cancel_path = reverse("events:application_cancel", kwargs={"token": cancel_token(row)})
    return {"applications": rows} if rows else None


def _event_prefecture(event):
    """Where an event takes place: its municipality's prefecture, else its platform's."""
    if event.municipality_id:
        return event.municipality.prefecture_id
    return event.platform.prefecture_id
