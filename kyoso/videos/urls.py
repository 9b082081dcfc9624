from django.urls import path

from . import views

app_name = "videos"
urlpatterns = [
    path("videos/", views.video_list, name="list"),
    path("videos/new/", views.video_new, name="new"),
    path("videos/submit/", views.video_submit, name="submit"),
    path("videos/series/new/", views.series_new, name="series_new"),
    path("videos/series/<int:pk>/", views.series_detail, name="series"),
    path("videos/series/<int:pk>/edit/", views.series_edit, name="series_edit"),
    path("videos/<int:pk>/", views.video_detail, name="detail"),
    path("videos/<int:pk>/edit/", views.video_edit, name="edit"),
    path("videos/<int:pk>/file/", views.video_file, name="file"),
    path("videos/<int:pk>/captions.vtt", views.captions, name="captions"),
    path("videos/<int:pk>/materials/<int:material_id>/", views.material, name="material"),
    path("p/<slug:slug>/videos/", views.platform_video_list, name="platform_list"),
    path("training/", views.training, name="training"),
    path("training/<int:pk>/", views.training_series, name="training_series"),
    path("training/units/<int:pk>/done/", views.unit_done, name="unit_done"),
]
