from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("accounts/me/", views.me, name="me"),
    path("accounts/verification/", views.verification, name="verification"),
    path("review/verifications/", views.verification_queue, name="verification_queue"),
    path("review/verifications/<int:pk>/", views.verification_decide, name="verification_decide"),
]
