"""Search: one engine for the whole site; content types register how they become documents."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "kyoso.search"
    verbose_name = _("サイト内検索")

    def ready(self) -> None:
        from kyoso.moderation.actions import status_changed

        from . import registry
        from .tasks import schedule_index

        def reindex(sender, instance, **kwargs):
            if registry.get(registry.key_for(instance)) is not None:
                schedule_index(instance)

        # status_changed is already sent after commit, so the task can be queued directly.
        status_changed.connect(reindex, dispatch_uid="search.reindex", weak=False)

        from django.core import signals

        from .engine import request_finished, request_started

        # The index version is read once per request, however many lists a page shows.
        signals.request_started.connect(request_started, dispatch_uid="search.version.start")
        signals.request_finished.connect(request_finished, dispatch_uid="search.version.end")
