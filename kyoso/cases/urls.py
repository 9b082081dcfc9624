from django.urls import path

from . import views

app_name = "cases"
urlpatterns = [
    path("cases/", views.case_list, name="list"),
    path("cases/new/", views.case_new, name="new"),
    path("cases/analysis/", views.analysis, name="analysis"),
    path("cases/analysis/<slug:figure>.csv", views.analysis_csv, name="analysis_csv"),
    path("cases/export.csv", views.export_csv, name="export_csv"),
    path("cases/export.json", views.export_json, name="export_json"),
    path("cases/<int:pk>/", views.case_detail, name="detail"),
    path("cases/<int:pk>/edit/", views.case_edit, name="edit"),
    path("cases/<int:pk>/photos/<int:photo_id>/", views.photo, name="photo"),
    path("p/<slug:slug>/cases/", views.platform_case_list, name="platform_list"),
]
