"""Read queries for videos and training."""

from collections import defaultdict

import numpy as np
from django.db.models import Count, Q

from kyoso.search.engine import Query, hits_for, ranked_ids

from .models import Completion, Material, Series, Video


def published_videos():
    return Video.objects.published().order_by("position", "id")


def series_with_videos(*, kind: str = "", platform=None) -> list[tuple[Series, list[Video]]]:
    """Non-training series that have published videos, newest first, each with its videos."""
    series = Series.objects.exclude(kind=Series.Kind.TRAINING)
    if platform is not None:
        series = series.filter(platform=platform)
    if kind:
        series = series.filter(kind=kind)
    series = list(series.order_by("-held_on", "-id"))
    by_series = defaultdict(list)
    for video in published_videos().filter(series__in=series):
        by_series[video.series_id].append(video)
    return [(s, by_series[s.pk]) for s in series if by_series[s.pk]]


def materials_of(videos) -> list[Material]:
    return list(Material.objects.filter(video__in=videos).select_related("video"))


def search_videos(q: str) -> list:
    """Search hits among videos and their chapters: a word said in a talk finds the chapter
    where it is said (its link starts the player there)."""
    from kyoso.search.engine import COUNT_CAP
    from kyoso.search.memory import index_for

    query = Query(text=q, types=["videos.video", "videos.chapter"])
    # Counted from the in-memory indexes: the full-text count would intersect a common word's
    # entries (most of them organisations) with these two types on every request.
    total = sum(int(np.count_nonzero(index_for(t).keyword_mask(query))) for t in query.types)
    query._count = (min(total, COUNT_CAP), total > COUNT_CAP)
    return hits_for(ranked_ids(query, limit=200), query)


def training_series() -> list[Series]:
    return list(
        Series.objects.filter(kind=Series.Kind.TRAINING)
        .annotate(units=Count("videos", filter=Q(videos__status="published")))
        .filter(units__gt=0)
        .select_related("platform__prefecture")
        .order_by("platform__prefecture__code", "-held_on", "id")
    )


def progress_for(user, series: list[Series]) -> dict[int, tuple[int, int]]:
    """{series pk: (units done, units)} for a signed-in person."""
    done = dict(
        Completion.objects.filter(user=user, video__series__in=series, video__status="published")
        .values("video__series_id")
        .annotate(n=Count("id"))
        .values_list("video__series_id", "n")
    )
    return {s.pk: (done.get(s.pk, 0), s.units) for s in series}


def my_progress(user) -> list[tuple[Series, int, int]]:
    """Training series the person started, with (done, units)."""
    started = Completion.objects.filter(
        user=user, video__series__kind=Series.Kind.TRAINING, video__status="published"
    ).values("video__series_id")
    # Counted apart from the filter on completions, so that every published unit counts.
    series = list(
        Series.objects.filter(pk__in=started)
        .annotate(units=Count("videos", filter=Q(videos__status="published")))
        .order_by("title")
    )
    progress = progress_for(user, series)
    return [(s, *progress[s.pk]) for s in series]
