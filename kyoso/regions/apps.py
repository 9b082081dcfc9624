"""Regions: prefectures, municipalities and the 23 fields of the seed document."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "kyoso.regions"
    verbose_name = _("地域・分野")
