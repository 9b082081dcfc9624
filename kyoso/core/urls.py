from django.urls import path

from . import views
from .sections import SECTIONS

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("accessibility/", views.policy, {"page": "accessibility"}, name="accessibility"),
    path("privacy/", views.policy, {"page": "privacy"}, name="privacy"),
    path("terms/", views.policy, {"page": "terms"}, name="terms"),
    path("settings/text-size/", views.set_text_size, name="text_size"),
    path("settings/contrast/", views.set_contrast, name="contrast"),
    path("settings/furigana/", views.set_furigana, name="furigana"),
] + [
    # Sections that a later issue builds: an honest 準備中 page at their final URL.
    path(f"{s.key}/", views.coming_soon, {"section": s.key}, name=f"section_{s.key}")
    for s in SECTIONS
    if not s.is_ready
]
