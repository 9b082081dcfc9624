from django.urls import path

from . import views

app_name = "local"
urlpatterns = [
    path("local-issues/", views.issue_list, name="list"),
    path("local-issues/new/", views.issue_new, name="new"),
    path("local-issues/<int:pk>/", views.issue_detail, name="issue"),
    path("local-issues/<int:pk>/edit/", views.issue_edit, name="edit"),
    path("local-issues/<int:pk>/state/", views.issue_state, name="state"),
    path("local-issues/<int:pk>/case/", views.issue_case, name="case"),
    path("local-issues/<int:pk>/hide/", views.issue_hide_view, name="hide"),
    path("local-issues/<int:pk>/answer/", views.answer_new, name="answer_new"),
    path("local-issues/answers/<int:pk>/", views.answer_detail, name="answer"),
    path("p/<slug:slug>/local-issues/", views.platform_issue_list, name="platform_list"),
    path("meetings/", views.meeting_list, name="meetings"),
    path("meetings/new/", views.meeting_new, name="meeting_new"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/edit/", views.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/file/", views.meeting_file, name="meeting_file"),
    path("meetings/<int:pk>/case/", views.meeting_case, name="meeting_case"),
    path("coordinators/", views.coordinators, name="coordinators"),
]
