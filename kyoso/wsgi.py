"""WSGI entry point (granian serves `kyoso.wsgi:application`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kyoso.settings")
application = get_wsgi_application()

import gc  # noqa: E402

# Objects that exist once the application is loaded (modules, templates, reference data) are
# frozen out of every collection, and so are the in-memory lists once built (below). The
# youngest generation is collected every 2,000 allocations (Python 3.13's default): a request's
# objects hold reference cycles (the request and its lazy user, the template context and its
# dicts), so they wait for a collection; at 50,000 each collection freed ~40,000 objects of
# ~300 requests at once and paused the worker 30-90 ms every second or so (directory, 100,000
# organisations), against ~1 ms every few requests now, for the same total time.
gc.set_threshold(2_000, 10, 10)
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
        # The lists are long-lived: out of every collection from now on (a full collection
        # walked them all, ~90 ms at 100,000 organisations). What else is alive now (a request
        # or two at start-up) is frozen with them; garbage is collected first.
        gc.collect()
        gc.freeze()
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
