"""Where a new case's form can start from: other apps register a source (a local issue, a
meeting record) that turns into initial values for the case form, so that the cases app never
imports them. `/cases/new/?from=issue-12` asks the "issue" source for object 12."""

from collections.abc import Callable

_sources: dict[str, Callable] = {}


def register(prefix: str, initial: Callable) -> None:
    """`initial(user, pk) -> dict | None`: the form's initial values, or None when the object does
    not exist or is not this person's to publish."""
    _sources[prefix] = initial


def initial_for(user, value: str) -> dict | None:
    prefix, _sep, pk = (value or "").partition("-")
    source = _sources.get(prefix)
    if source is None or not pk.isdigit() or len(pk) > 12:
        return None
    return source(user, int(pk))
