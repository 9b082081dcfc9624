"""Posting limits per person and per network address, in fixed windows kept in the shared cache
(the `default` cache: a database table in the embedded mode, Redis when scaled). Unlike a bare
429, the answer says in Japanese when the person may post again."""

import datetime
import time

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone


def _limits() -> list[tuple[str, int, int]]:
    """(scope, posts, seconds) from settings.BOARD_POST_LIMITS."""
    return settings.BOARD_POST_LIMITS


def _ip(request) -> str:
    from allauth.account.adapter import get_adapter

    try:
        return get_adapter(request).get_client_ip(request) or "unknown"
    except Exception:
        return request.META.get("REMOTE_ADDR", "unknown")


def consume(request, kind: str = "board-post") -> datetime.datetime | None:
    """Count one post. None when allowed; otherwise the time from which posting is possible
    again (and nothing is counted). `kind` keeps separate budgets (board posts, local issues and
    their answers) under the same limits."""
    cache = caches["default"]
    now = time.time()
    keys = []
    for scope, posts, seconds in _limits():
        who = f"u{request.user.pk}" if scope == "user" else f"ip{_ip(request)}"
        window = int(now // seconds)
        key = f"{kind}:{scope}:{seconds}:{who}:{window}"
        used = cache.get(key, 0)
        if used >= posts:
            until = (window + 1) * seconds
            return timezone.localtime(datetime.datetime.fromtimestamp(until, tz=datetime.UTC))
        keys.append((key, seconds))
    for key, seconds in keys:
        if not cache.add(key, 1, seconds + 5):
            try:
                cache.incr(key)
            except ValueError:
                cache.set(key, 1, seconds + 5)
    return None
