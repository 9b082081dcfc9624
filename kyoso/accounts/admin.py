"""Django admin for users (the platform's own pages are the main tool; this is the back door)."""

from django.contrib import admin

from .models import User


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    list_display = ["email", "display_name", "persona", "is_active", "is_superuser", "date_joined"]
    list_filter = ["persona", "is_active", "is_superuser", "is_demo"]
    search_fields = ["email", "display_name"]
    exclude = ["password"]
    readonly_fields = ["last_login", "date_joined"]
