"""Figures on the admins' dashboards, contributed by the apps that own the data — registered like
blocks and search types, so that the dashboard pages never import a content app.

    dashboard.register(Figure("cases", _("共創事例"), by_prefecture=…, by_municipality=…, order=30))

`by_prefecture()` returns {prefecture code: number} (one aggregate query); `by_municipality(code)`
returns {LG code: number} for one prefecture. Nothing is stored: every figure is counted from
the rows when the page is asked for, so writes at the same moment can never leave a counter
wrong, and a page costs one or two queries per figure, whatever the number of prefectures."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    by_prefecture: Callable[[], dict[str, int]]
    by_municipality: Callable[[str], dict[str, int]] | None = None
    order: int = 100
    # "count" figures are summed; "latest" figures are datetimes (last activity) shown as dates.
    kind: str = "count"


_registry: dict[str, Figure] = {}


def register(figure: Figure) -> None:
    _registry[figure.key] = figure


def figures() -> list[Figure]:
    return sorted(_registry.values(), key=lambda f: (f.order, f.key))


def get(key: str) -> Figure | None:
    return _registry.get(key)
