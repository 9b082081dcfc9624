from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [path("accounts/me/", views.me, name="me")]
