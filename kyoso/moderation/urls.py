from django.urls import path

from . import views

app_name = "moderation"
urlpatterns = [
    path("review/", views.review_queue, name="queue"),
    path("review/revisions/<int:pk>/", views.review_revision, name="revision"),
    path(
        "review/revisions/<int:pk>/files/<int:file_id>/",
        views.revision_file,
        name="revision_file",
    ),
    path("review/<str:key>/<int:pk>/", views.review_item, name="item"),
    path("p/<slug:slug>/review/", views.review_queue, name="platform_queue"),
]
