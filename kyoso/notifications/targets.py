"""What can be followed. Prefectures and fields are reference data; content apps register their
own kinds (the board its boards and threads, the directory its organisations) with a resolver
that returns the label, or None when the thing does not exist or this person may not see it."""

from collections.abc import Callable

_resolvers: dict[str, Callable] = {}


def register(target: str, resolver: Callable) -> None:
    _resolvers[target] = resolver


def label_for(user, target: str, key: str) -> str | None:
    from kyoso.regions import reference

    if target == "prefecture":
        found = reference.prefectures_by_code().get(key)
        return found.display_name() if found else None
    if target == "field":
        found = {f.slug: f for f in reference.fields()}.get(key)
        return found.display_name() if found else None
    resolver = _resolvers.get(target)
    return resolver(user, key) if resolver else None
