"""List lines kept per content version: a list page's rows rendered once (in Python, escaped with
format_html) and reused until the content changes, so a page whose lines are all kept makes no
query for them. Used by the measures and events lists (the directory keeps its Row objects)."""

from collections import OrderedDict
from collections.abc import Callable, Hashable

from django.utils.safestring import SafeString
from django.utils.translation import get_language


class LineCache:
    def __init__(self, *, fetch: Callable, render: Callable, extra: Callable = lambda: (),
                 size: int = 5_000, scope: str | None = None):  # fmt: skip
        self.fetch, self.render, self.extra, self.size = fetch, render, extra, size
        self.scope = scope  # the search type whose version the lines follow (None: any change)
        self._lines: OrderedDict = OrderedDict()

    def key(self, pk: int) -> tuple[Hashable, ...]:
        from kyoso.search.engine import current_version

        return (pk, current_version(self.scope), get_language(), *self.extra())

    def line(self, obj) -> SafeString:
        """The line of an object already in hand (kept like the others)."""
        key = self.key(obj.pk)
        html = self._lines.get(key)
        if html is None:
            html = self._lines[key] = self.render(obj)
            self._trim()
        return html

    def lines(self, ids: list[int]) -> list[SafeString]:
        """The lines for a page of ids, in that order; only missing ones are read."""
        keys = {pk: self.key(pk) for pk in ids}
        missing = [pk for pk, key in keys.items() if key not in self._lines]
        if missing:
            for obj in self.fetch(missing):
                self._lines[keys[obj.pk]] = self.render(obj)
            self._trim()
        return [self._lines[keys[pk]] for pk in ids if keys[pk] in self._lines]

    def _trim(self) -> None:
        while len(self._lines) > self.size:
            self._lines.popitem(last=False)
