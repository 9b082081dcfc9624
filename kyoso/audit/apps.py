"""Audit: an append-only record of every state change (who, what, when, which platform)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "kyoso.audit"
    verbose_name = _("監査ログ")

    def ready(self) -> None:
        from .figures import register_figures

        register_figures()
        from django.contrib.admin.models import LogEntry
        from django.db.models.signals import post_save

        from .signals import record_admin_change

        post_save.connect(record_admin_change, sender=LogEntry, dispatch_uid="audit.admin")
