"""Platforms: the national platform and one per prefecture, with their admins and moderators."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlatformsConfig(AppConfig):
    name = "kyoso.platforms"
    verbose_name = _("プラットフォーム")
