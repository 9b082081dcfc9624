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


def _warm_search_indexes() -> None:
    """Each worker builds its in-memory lists when it starts rather than on its first list
    request (the directory's takes ~6 s at 100,000 organisations). Requests that arrive meanwhile
    wait only for the type they need; a failure (say, a database not migrated yet) leaves the
    builds to the first requests, as before."""
    import logging

    from django.db import connection

    try:
        from kyoso.search.memory import warm

        seconds = warm()
        logging.getLogger("kyoso.search").info("search indexes built in %.1f s", seconds)
    except Exception:
        logging.getLogger("kyoso.search").warning(
            "search indexes not built at start", exc_info=True
        )
    finally:
        connection.close()  # the thread's own connection


if settings.WARM_INDEXES:
    import threading

    threading.Thread(target=_warm_search_indexes, name="warm-indexes", daemon=True).start()

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
