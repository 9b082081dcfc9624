"""The search registry: each content type says how one of its objects becomes a document.

The engine (Japanese tokenisation with SudachiPy, SQLite FTS5 / PostgreSQL tsvector) indexes these
documents; content apps never talk to the engine directly."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models


@dataclass
class SearchDocument:
    title: str
    body: str
    url: str
    platform_id: int
    is_public: bool
    date: datetime.datetime | None = None
    kana: str = ""
    fields: list[str] = field(default_factory=list)  # field slugs
    region_keys: list[str] = field(default_factory=list)  # JP / P13 / IN13 / M131016
    facets: dict[str, list[str]] = field(default_factory=dict)  # other filters, e.g. kind
    # What was ticked rather than written (field names, kind, areas): found by a keyword, but
    # ranked below the same word in the title or the text (a lower-weighted part of the index).
    labels: str = ""


@dataclass(frozen=True)
class Searchable:
    model: type[models.Model]
    document: Callable[[models.Model], SearchDocument]
    label: str

    @property
    def key(self) -> str:
        return self.model._meta.label_lower


_registry: dict[str, Searchable] = {}


def register(model: type[models.Model], *, document, label) -> None:
    entry = Searchable(model=model, document=document, label=label)
    _registry[entry.key] = entry


def get(key: str) -> Searchable | None:
    return _registry.get(key)


def all_types() -> list[Searchable]:
    return list(_registry.values())


def key_for(obj: models.Model) -> str:
    return obj._meta.label_lower
