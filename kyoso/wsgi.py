"""WSGI entry point (granian serves `kyoso.wsgi:application`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kyoso.settings")
application = get_wsgi_application()

import gc  # noqa: E402

# A request allocates tens of thousands of short-lived objects: collecting the youngest
# generation every 700 allocations costs more than it frees here. Objects that exist once the
# application is loaded (modules, templates, reference data) are frozen out of every collection.
gc.set_threshold(50_000, 20, 20)
gc.freeze()

from django.conf import settings  # noqa: E402 - settings are ready once the app is built

if settings.PAGE_CACHE:
    from kyoso.core.cache import page_version
    from kyoso.core.pagecache import PageCacheMiddleware

    application = PageCacheMiddleware(
        application,
        page_version(),
        session_cookie=settings.SESSION_COOKIE_NAME,
        time_zone=settings.TIME_ZONE,
        allowed_hosts=settings.ALLOWED_HOSTS,
        ssl_redirect=settings.SECURE_SSL_REDIRECT,
        proxy_ssl_header=settings.SECURE_PROXY_SSL_HEADER,
    )
