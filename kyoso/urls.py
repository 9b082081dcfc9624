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
    path("", include("kyoso.events.urls")),
    path("", include("kyoso.board.urls")),
    path("", include("kyoso.cases.urls")),
    path("", include("kyoso.videos.urls")),
    path("", include("kyoso.local.urls")),
    path("", include("kyoso.notifications.urls")),
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
    # Organisation logos: listed organisations' logos are public; an applicant's logo is served
    # only to the applicant and reviewers (kyoso.directory.views.logo). Measure attachments and
    # pending files are never served from /media/: they go through views that check access.
    from django.urls import re_path

    from kyoso.directory.views import logo

    urlpatterns += [re_path(r"^media/(?P<name>logos/[\w.-]{1,120})$", logo, name="logo")]

# The root resolver keeps what it resolved (kyoso.core.urlcache): same path, same answer.
from django.urls import get_resolver  # noqa: E402

from kyoso.core.urlcache import keep_resolutions  # noqa: E402

if __name__ == settings.ROOT_URLCONF:
    keep_resolutions(get_resolver())
