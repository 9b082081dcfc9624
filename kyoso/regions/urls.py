from django.urls import path

from . import views

app_name = "regions"
urlpatterns = [
    path(
        "regions/municipalities/", views.municipality_suggestions, name="municipality_suggestions"
    ),
]
