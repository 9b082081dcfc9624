from django.urls import path

from . import views

app_name = "directory"
urlpatterns = [
    path("directory/", views.organisation_list, name="list"),
    path("directory/apply/", views.organisation_apply_view, name="apply"),
    path("directory/export.csv", views.export_csv, name="export_csv"),
    path("directory/export.json", views.export_json, name="export_json"),
    path("directory/invitations/<str:token>/", views.invitation_accept_view, name="accept"),
    path("directory/<int:pk>/", views.organisation_detail, name="detail"),
    path("directory/<int:pk>/edit/", views.organisation_edit, name="edit"),
    path("directory/<int:pk>/members/", views.organisation_members, name="members"),
    path(
        "directory/<int:pk>/members/<int:membership_id>/remove/",
        views.membership_remove_view,
        name="member_remove",
    ),
    path(
        "directory/<int:pk>/invitations/<int:invitation_id>/withdraw/",
        views.invitation_withdraw_view,
        name="invitation_withdraw",
    ),
    path("directory/<int:pk>/agency/", views.organisation_agency_view, name="agency"),
    path("directory/<int:pk>/suspend/", views.organisation_suspend_view, name="suspend"),
    path("directory/<int:pk>/history/", views.organisation_history, name="history"),
    path("directory/<slug:slug>/", views.organisation_detail_by_slug, name="detail_slug"),
    path("p/<slug:slug>/directory/", views.platform_organisation_list, name="platform_list"),
]
