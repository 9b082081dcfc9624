from django.urls import path

from . import views

app_name = "measures"
urlpatterns = [
    path("measures/", views.measure_list, name="list"),
    path("measures/new/", views.measure_new, name="new"),
    path("measures/feed/", views.MeasureFeed(), name="feed"),
    path("measures/export.csv", views.export_csv, name="export_csv"),
    path("measures/export.json", views.export_json, name="export_json"),
    path("measures/<int:pk>/", views.measure_detail, name="detail"),
    path("measures/<int:pk>/edit/", views.measure_edit, name="edit"),
    path("measures/<int:pk>/flag/", views.measure_flag_view, name="flag"),
    path(
        "measures/<int:pk>/files/<int:attachment_id>/", views.attachment_download, name="attachment"
    ),
    path("p/<slug:slug>/measures/", views.platform_measure_list, name="platform_list"),
]
