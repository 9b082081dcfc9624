"""Core: the site layout, home pages, policies, text size and shared helpers."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "kyoso.core"
    verbose_name = _("サイト共通")

    def ready(self) -> None:
        from .cache import connect_invalidation

        connect_invalidation()
