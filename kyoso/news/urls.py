from django.urls import path

from . import views

app_name = "news"
urlpatterns = [
    path("news/", views.notice_list, name="list"),
    path("news/feed/", views.NoticeFeed(), name="feed"),
    path("news/new/", views.notice_new, name="new"),
    path("news/<int:pk>/", views.notice_detail, name="detail"),
    path("p/<slug:slug>/news/", views.platform_notice_list, name="platform_list"),
]
