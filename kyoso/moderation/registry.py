"""Content types register here (from AppConfig.ready) to appear in the review queue."""

from dataclasses import dataclass

from django.db import models


@dataclass(frozen=True)
class Moderatable:
    model: type[models.Model]
    # Template that shows one item to its reviewer ({"object": obj} in context).
    review_template: str

    @property
    def key(self) -> str:
        return self.model._meta.label_lower

    @property
    def label(self) -> str:
        return str(self.model._meta.verbose_name)


_registry: dict[str, Moderatable] = {}


def register(model: type[models.Model], *, review_template: str) -> None:
    entry = Moderatable(model=model, review_template=review_template)
    _registry[entry.key] = entry


def get(key: str) -> Moderatable | None:
    return _registry.get(key)


def all_types() -> list[Moderatable]:
    return list(_registry.values())
