"""Moderation: the one review life cycle every published thing goes through."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "kyoso.moderation"
    verbose_name = _("審査")

    def ready(self) -> None:
        from .figures import register_figures

        register_figures()
        from .actions import status_changed
        from .notifications import notify_submitter

        status_changed.connect(notify_submitter, dispatch_uid="moderation.notify_submitter")
