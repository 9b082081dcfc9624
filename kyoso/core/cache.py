"""Views opt in to the anonymous whole-page cache (kyoso.core.pagecache) with this decorator."""

from functools import wraps
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from .pagecache import STORE_HEADER, Version

# Saving anything of these apps changes what cached pages show.
CONTENT_APPS = {"directory", "measures", "news", "links", "platforms", "regions", "search"}
_version: Version | None = None


def page_version() -> Version:
    global _version
    if _version is None:
        _version = Version(Path(settings.VAR_DIR) / "pagecache.version", settings.REDIS_URL)
    return _version


# Saving these changes what every type's lists show (names of prefectures, platforms).
SHARED_APPS = {"platforms", "regions"}


def content_changed(types) -> None:
    """What pages show of these search types changed (call inside the writing transaction):
    the anonymous page cache starts again once the transaction commits, and the per-process
    lists built from content (kyoso.search.memory, the measures, cases and events facts, kept
    list lines) are rebuilt by whoever next reads a newer version — of these types only, so a
    board post leaves the directory's in-memory index alone."""
    from kyoso.search.engine import bump_version

    transaction.on_commit(page_version().bump)
    bump_version(types)


def pages_changed(**kwargs) -> None:
    """What anonymous pages show changed, though no search type's lists did (a place taken at an
    event): the anonymous page cache starts again once the transaction commits. A receiver for
    the save and delete signals of such rows, or a plain call inside the writing transaction."""
    transaction.on_commit(page_version().bump)


def _changed(sender, **kwargs) -> None:
    meta = sender._meta
    if meta.app_label in CONTENT_APPS and meta.model_name not in ("indexstate", "typeversion"):
        content_changed(_types_changed(sender, kwargs.get("instance")))


def _types_changed(sender, instance) -> set[str]:
    from kyoso.search import registry
    from kyoso.search.engine import ALL_TYPES

    meta = sender._meta
    if meta.app_label == "search" and meta.model_name == "searchentry" and instance is not None:
        return {instance.type}
    if meta.app_label in SHARED_APPS:
        return {ALL_TYPES}
    own = {t.key for t in registry.all_types() if t.model._meta.app_label == meta.app_label}
    return own or {ALL_TYPES}


def connect_invalidation() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_changed, dispatch_uid=f"pagecache.{signal!r}", weak=False)


def cache_anonymous_page(view):
    """Mark a view's response for anonymous visitors as cacheable whole (per URL and text size),
    until content changes or the day ends in Japan, or earlier where a registered moment source
    says the clock changes what pages show."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if (
            request.method == "GET"
            and not request.user.is_authenticated
            and response.status_code == 200
            and not response.cookies
            and not request.COOKIES.get("messages")
        ):
            until = None
            for source in _moment_sources:
                moment = source()
                if moment is not None and (until is None or moment < until):
                    until = moment
            response[STORE_HEADER] = "1" if until is None else f"{until.timestamp():.3f}"
        return response

    return wrapper


_moment_sources: list = []


def register_moment_source(source) -> None:
    """`source()` gives the next moment (an aware datetime, or None) when what anonymous pages
    show changes by the clock alone (an event starts or ends, so it leaves the upcoming lists
    and the home pages): every cached page is kept until then at the latest. Content apps
    register theirs in `ready()`."""
    if source not in _moment_sources:
        _moment_sources.append(source)
