"""Resolved paths kept per process: the root URLconf is a list of 19 includes (one per app,
under i18n_patterns), and resolving a path tries them in order, 40–110 µs per request for the
list pages, the same answer for the same path and language every time.

`keep_resolutions(resolver)` wraps that resolver's `resolve` with a bounded dict keyed by
(path, active language, URLconf): a kept match is copied for each request (with its own kwargs),
and a path that does not resolve (Resolver404) is never kept, so unknown paths cannot fill it.

`kept_reverse(name, **kwargs)` is `reverse()` kept the same way, for URLs a page builds on every
request (a board's, the board index): ~30 µs each through the resolver's patterns."""

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

KEPT = 4_096  # paths (and reversed URLs) kept per process; cleared when full

_reversed: dict[tuple, str] = {}


def kept_reverse(viewname: str, **kwargs) -> str:
    """reverse(viewname, kwargs=kwargs), kept per name, arguments, language, URLconf and script
    prefix (a name that does not reverse raises NoReverseMatch, and nothing is kept)."""
    key = (viewname, tuple(kwargs.items()), get_language(), get_urlconf(), get_script_prefix())
    url = _reversed.get(key)
    if url is None:
        url = reverse(viewname, kwargs=kwargs or None)
        if len(_reversed) >= KEPT:
            _reversed.clear()
        _reversed[key] = url
    return url


@receiver(setting_changed)
def _urls_changed(setting, **kwargs) -> None:
    if setting in {"ROOT_URLCONF", "LANGUAGES", "LANGUAGE_CODE", "FORCE_SCRIPT_NAME"}:
        _reversed.clear()


def keep_resolutions(resolver) -> None:
    resolve = resolver.resolve
    kept: dict[tuple, object] = {}

    def kept_resolve(path):
        key = (path, get_language(), get_urlconf())
        match = kept.get(key)
        if match is None:
            match = resolve(path)  # raises Resolver404: nothing kept
            if len(kept) >= KEPT:
                kept.clear()
            kept[key] = match
        answer = object.__new__(type(match))  # ResolverMatch refuses copy.copy (no pickling)
        answer.__dict__.update(match.__dict__)
        answer.kwargs = dict(match.kwargs)
        return answer

    resolver.resolve = kept_resolve
    resolver.kept_resolutions = kept
