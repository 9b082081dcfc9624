"""Links: the related links page (関連リンク), kept by admins, checked for dead links."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LinksConfig(AppConfig):
    name = "kyoso.links"
    verbose_name = _("関連リンク")
