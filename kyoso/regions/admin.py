"""Read-mostly admin for the reference data."""

from django.contrib import admin

from .models import Field, Municipality, Prefecture


@admin.register(Prefecture)
class PrefectureAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "slug", "lg_code"]
    search_fields = ["name", "name_kana", "slug"]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["lg_code", "name", "prefecture", "kind", "is_active"]
    list_filter = ["prefecture", "kind", "is_active"]
    search_fields = ["lg_code", "name", "name_kana"]


@admin.register(Field)
class FieldAdmin(admin.ModelAdmin):
    list_display = ["order", "name", "slug", "name_en"]
