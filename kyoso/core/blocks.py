"""Blocks that content apps contribute to the national home, the prefectural homes and the
organisation pages — registered like search types, so that `core`, `platforms` and `directory`
never import a content app to show its latest items.

A content app registers in its AppConfig.ready():

    blocks.register(Block("news", places={NATIONAL_HOME, PLATFORM_HOME}, order=20,
                          template="news/partials/_home_block.html", context=news_block))

`context(place=…, platform=…, organisation=…)` (and `user=…` on マイページ and the review
queue, `measure=…` / `case=…` on a measure's / case's page) returns the
template's context, or None to show nothing there (an empty block is better left out than
shown empty on a home page)."""

from collections.abc import Callable
from dataclasses import dataclass

NATIONAL_HOME = "national_home"
PLATFORM_HOME = "platform_home"
ORGANISATION = "organisation"
MY_PAGE = "my_page"
REVIEW_QUEUE = "review_queue"  # the shared moderation queue (/review/): what else waits there
MEASURE = "measure"  # a measure's page: what other sections link to it (cases that used it)
CASE = "case"  # a case's page: where else it appears (the symposium that presented it)
PLACES = frozenset(
    {NATIONAL_HOME, PLATFORM_HOME, ORGANISATION, MY_PAGE, REVIEW_QUEUE, MEASURE, CASE}
)


@dataclass(frozen=True)
class Block:
    key: str
    places: frozenset
    template: str
    context: Callable[..., dict | None]
    order: int = 100


@dataclass(frozen=True)
class ShownBlock:
    key: str
    template: str
    context: dict


_registry: dict[str, Block] = {}


def register(block: Block) -> None:
    unknown = set(block.places) - PLACES
    if unknown:
        raise ValueError(f"unknown block places: {sorted(unknown)}")
    _registry[block.key] = block


def blocks_for(
    place: str, *, platform=None, organisation=None, user=None, measure=None, case=None
) -> list[ShownBlock]:
    """The blocks shown at `place`, in their order, each with its context."""
    shown = []
    for block in sorted(_registry.values(), key=lambda b: (b.order, b.key)):
        if place not in block.places:
            continue
        kwargs = {"place": place, "platform": platform, "organisation": organisation}
        if place in (MY_PAGE, REVIEW_QUEUE):
            kwargs["user"] = user
        if place == MEASURE:
            kwargs["measure"] = measure
        if place == CASE:
            kwargs["case"] = case
        context = block.context(**kwargs)
        if context is not None:
            shown.append(ShownBlock(block.key, block.template, {**context, "place": place}))
    return shown
