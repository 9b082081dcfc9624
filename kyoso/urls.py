"""Root URLconf. Japanese pages live at /…, English at /en/… (shareable in either language)."""

from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = "Kyoso 管理サイト"

urlpatterns = i18n_patterns(
    path("", include("kyoso.core.urls")),
    path("", include("kyoso.platforms.urls")),
    path("", include("kyoso.accounts.urls")),
    path("", include("kyoso.moderation.urls")),
    path("", include("kyoso.audit.urls")),
    path("", include("kyoso.news.urls")),
    path("", include("kyoso.directory.urls")),
    path("", include("kyoso.links.urls")),
    path("", include("kyoso.measures.urls")),
    path("", include("kyoso.search.urls")),
    path("", include("kyoso.regions.urls")),
    path("accounts/", include("allauth.urls")),
    path("django-admin/", admin.site.urls),
    prefix_default_language=False,
)

handler400 = "kyoso.core.views.error_400"
handler403 = "kyoso.core.views.error_403"
handler404 = "kyoso.core.views.error_404"

if settings.SERVE_LOGOS:
    # Organisation logos are public and small; the embedded mode serves them itself. Measure
    # attachments are never served from here: they go through a view that checks publication.
    from django.urls import re_path
    from django.views.static import serve

    def serve_logo(request, path):
        return serve(request, path, document_root=settings.MEDIA_ROOT / "logos")

    urlpatterns += [re_path(r"^media/logos/(?P<path>[\w.-]+)$", serve_logo)]
