"""Search: one engine for the whole site; content types register how they become documents."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "kyoso.search"
    verbose_name = _("サイト内検索")
