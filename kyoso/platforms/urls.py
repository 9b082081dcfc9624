from django.urls import path

from kyoso.core.sections import SECTIONS

from . import views

app_name = "platforms"
urlpatterns = [
    path("p/<slug:slug>/", views.platform_home, name="home"),
    path("manage/roles/", views.roles, name="roles"),
    path("manage/roles/<int:pk>/revoke/", views.role_revoke_confirm, name="role_revoke"),
] + [
    path(
        f"p/<slug:slug>/{s.key}/",
        views.platform_section,
        {"section": s.key},
        name=f"section_{s.key}",
    )
    for s in SECTIONS
    if not s.platform_url_name
]
