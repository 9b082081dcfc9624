"""Audit entries are read-only in the Django admin too."""

from django.contrib import admin

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "actor_email", "action", "platform", "target_repr"]
    list_filter = ["action", "platform"]
    search_fields = ["actor_email", "target_repr"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
