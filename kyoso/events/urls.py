from django.urls import path

from . import views

app_name = "events"
urlpatterns = [
    path("events/", views.event_list, name="list"),
    path("events/past/", views.event_past, name="past"),
    path("events/new/", views.event_new, name="new"),
    path("events/import/", views.event_import, name="import"),
    path("events/calendar/", views.event_calendar, name="calendar"),
    path("events/calendar/<int:year>/<int:month>/", views.event_calendar, name="calendar_month"),
    path("events/feed/", views.EventFeed(), name="feed"),
    path("events/feed.ics", views.feed_ics, name="feed_ics"),
    path("events/export.csv", views.export_csv, name="export_csv"),
    path("events/export.json", views.export_json, name="export_json"),
    path("events/<int:pk>/", views.event_detail, name="detail"),
    path("events/<int:pk>.ics", views.event_ics, name="ics"),
    path("events/<int:pk>/image/", views.event_image, name="image"),
    path("events/<int:pk>/edit/", views.event_edit, name="edit"),
    path("events/<int:pk>/state/", views.event_state, name="state"),
    path("events/<int:pk>/apply/", views.event_apply, name="apply"),
    path("events/<int:pk>/applications/", views.event_applications, name="applications"),
    path(
        "events/<int:pk>/applications.csv",
        views.event_applications_csv,
        name="applications_csv",
    ),
    path(
        "events/<int:pk>/applications/mail/",
        views.event_applications_mail,
        name="applications_mail",
    ),
    path(
        "events/applications/cancel/<str:token>/",
        views.application_cancel,
        name="application_cancel",
    ),
    path("p/<slug:slug>/events/", views.platform_event_list, name="platform_list"),
    path("p/<slug:slug>/events/new/", views.event_new, name="platform_new"),
]
