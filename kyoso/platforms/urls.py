from django.urls import path

from kyoso.core.sections import SECTIONS

from . import dashboards, manage, views

app_name = "platforms"
urlpatterns = [
    path("p/<slug:slug>/", views.platform_home, name="home"),
    path("manage/roles/", views.roles, name="roles"),
    path("manage/roles/<int:pk>/revoke/", views.role_revoke_confirm, name="role_revoke"),
    path("dashboard/", dashboards.national, name="dashboard"),
    path("dashboard/export.csv", dashboards.national_csv, name="dashboard_csv"),
    path("p/<slug:slug>/manage/", manage.manage, name="manage"),
    path("p/<slug:slug>/manage/status/", manage.status, name="status"),
    path("p/<slug:slug>/manage/parts/<int:pk>/delete/", manage.part_delete, name="part_delete"),
    path("p/<slug:slug>/manage/roles/", manage.roles, name="platform_roles"),
    path(
        "p/<slug:slug>/manage/roles/<int:pk>/revoke/",
        manage.role_revoke_view,
        name="platform_role_revoke",
    ),
    path("p/<slug:slug>/logo.png", manage.logo, name="logo"),
    path("p/<slug:slug>/dashboard/", dashboards.prefecture, name="platform_dashboard"),
    path(
        "p/<slug:slug>/dashboard/export.csv",
        dashboards.prefecture_csv,
        name="platform_dashboard_csv",
    ),
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
