"""Admins create topic boards, keep the NG-word lists and the per-platform settings here (each
save is in the audit log through Django's LogEntry)."""

from django.contrib import admin

from .models import Board, BoardSettings, NgWord


@admin.register(Board)
class BoardAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "kind", "platform", "members_only", "order"]
    list_filter = ["kind", "members_only"]
    search_fields = ["name", "slug"]


@admin.register(NgWord)
class NgWordAdmin(admin.ModelAdmin):
    list_display = ["word", "platform"]
    list_filter = ["platform"]


@admin.register(BoardSettings)
class BoardSettingsAdmin(admin.ModelAdmin):
    list_display = ["platform", "hold_first_posts"]
