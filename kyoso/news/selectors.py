"""Read queries for notices."""

from django.db.models import QuerySet

from .models import Notice


def published_notices(*, platform=None) -> QuerySet[Notice]:
    qs = Notice.objects.published().select_related("platform__prefecture")
    if platform is not None:
        qs = qs.filter(platform=platform)
    return qs.order_by("-published_at", "-id")


def latest_news(*, platform=None, limit: int = 5) -> list[Notice]:
    return list(published_notices(platform=platform)[:limit])
