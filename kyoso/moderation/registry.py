"""Content types register here (from AppConfig.ready) to appear in the review queue, and to have
members' edits of published content reviewed as pending revisions."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import models


@dataclass(frozen=True)
class RevisionSpec:
    """How one content type turns an edit into data, and data back into the object.

    Values are plain JSON (slugs, codes, ISO dates), so a proposal can wait in the database and
    be applied later, field by field, by the same code that applies a staff edit at once."""

    # obj -> {field: value} for every editable field.
    snapshot: Callable[[models.Model], dict]
    # bound, valid form -> {field: value} in the same shape.
    from_form: Callable[[Any], dict]
    # (obj, data, files, actor, note) -> None: writes the values (and files) onto the object.
    apply: Callable[..., None]
    # (field, value) -> text shown in the reviewer's before/after table.
    describe: Callable[[str, Any], str]
    labels: dict[str, str] = field(default_factory=dict)
    # Fields that grant rights (an organisation's kind or name): only the platform's admins
    # change them, and a member's change of them is a request to those admins.
    admin_only_fields: frozenset[str] = frozenset()
    # form -> [{"key", "title", "upload", "format", "content_type", "original_name"}]
    files_from_form: Callable[[Any], list[dict]] = lambda form: []
    # (data) -> form initial values, to show a member the change they are waiting on.
    to_initial: Callable[[dict], dict] = lambda data: dict(data)


@dataclass(frozen=True)
class Moderatable:
    model: type[models.Model]
    # Template that shows one item to its reviewer ({"object": obj} in context).
    review_template: str
    revisions: RevisionSpec | None = None
    # (key, label) items an editor ticks before publishing (personal data removed, …); the
    # ticked keys are stored on the object's `checklist` field when it has one.
    checklist: tuple = ()

    @property
    def key(self) -> str:
        return self.model._meta.label_lower

    @property
    def label(self) -> str:
        return str(self.model._meta.verbose_name)


_registry: dict[str, Moderatable] = {}


def register(
    model: type[models.Model],
    *,
    review_template: str,
    revisions: RevisionSpec | None = None,
    checklist: tuple = (),
) -> None:
    entry = Moderatable(
        model=model, review_template=review_template, revisions=revisions, checklist=checklist
    )
    _registry[entry.key] = entry


def get(key: str) -> Moderatable | None:
    return _registry.get(key)


def for_model(model: type[models.Model]) -> Moderatable:
    return _registry[model._meta.label_lower]


def all_types() -> list[Moderatable]:
    return list(_registry.values())
