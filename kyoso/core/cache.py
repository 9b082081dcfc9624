"""Whole-page caching for anonymous visitors, invalidated by a version that changes with the data.

The version is read from the database on every request (one indexed query), so a publish or an
edit invalidates the pages in every worker process at once, with or without a shared cache."""

import hashlib
from functools import wraps

from django.core.cache import cache
from django.utils.translation import get_language

from .middleware import TEXT_SIZE_COOKIE


def _cacheable(request) -> bool:
    if request.method != "GET" or request.user.is_authenticated:
        return False
    # Pending flash messages belong to one visitor.
    if request.COOKIES.get("messages"):
        return False
    session = getattr(request, "session", None)
    return not (session is not None and session.session_key and session.get("_messages"))


def cache_anonymous_page(version, timeout: int = 600):
    """Cache a view's response for anonymous visitors, per URL, language and text size.
    `version()` returns a string that changes whenever what the page shows changes."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not _cacheable(request):
                return view(request, *args, **kwargs)
            raw = "|".join(
                [
                    version(),
                    request.get_full_path(),
                    get_language() or "",
                    request.COOKIES.get(TEXT_SIZE_COOKIE, ""),
                    request.headers.get("HX-Request", ""),
                ]
            )
            key = "page:" + hashlib.sha256(raw.encode()).hexdigest()
            cached = cache.get(key)
            if cached is not None:
                return cached
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.cookies:
                if hasattr(response, "render") and callable(response.render):
                    response.render()
                cache.set(key, response, timeout)
            return response

        return wrapper

    return decorator
