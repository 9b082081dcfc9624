from django.urls import path

from . import views

app_name = "links"
urlpatterns = [
    path("links/", views.link_list, name="list"),
    path("p/<slug:slug>/links/", views.platform_link_list, name="platform_list"),
    path("manage/links/", views.manage, name="manage"),
    path("manage/links/new/", views.edit, name="new"),
    path("manage/links/<int:pk>/edit/", views.edit, name="edit"),
    path("manage/links/<int:pk>/delete/", views.delete, name="delete"),
]
