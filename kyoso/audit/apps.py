"""Audit: an append-only record of every state change (who, what, when, which platform)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "kyoso.audit"
    verbose_name = _("監査ログ")
