"""Who may do what with videos: platform admins add series and videos on their own platforms
(a prefecture's admins only for that prefecture; national admins anywhere); another reviewer
publishes a video; everyone watches published ones; signed-in people mark training units done."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from kyoso.platforms.access import can_administer, can_moderate, is_national_admin
from kyoso.platforms.models import Platform, PlatformRole

from .models import Series, Video


def administered_platforms(user):
    platforms = Platform.objects.select_related("prefecture")
    if not user.is_authenticated:
        return platforms.none()
    if is_national_admin(user):
        return platforms
    ids = PlatformRole.objects.filter(user=user, role="admin").values_list("platform_id", flat=True)
    return platforms.filter(pk__in=list(ids))


def editable_series(user):
    return Series.objects.filter(platform__in=administered_platforms(user)).select_related(
        "platform"
    )


def access_series_edit(user, pk: int) -> Series:
    series = Series.objects.select_related("platform").filter(pk=pk).first()
    if series is None:
        raise Http404
    if not can_administer(user, series.platform):
        raise PermissionDenied
    return series


def can_view_video(user, video: Video) -> bool:
    if video.is_published:
        return True
    return bool(
        getattr(user, "is_authenticated", False)
        and (video.submitted_by_id == user.pk or can_moderate(user, video.platform))
    )


def access_video(user, pk: int) -> Video:
    """A published video for everyone; one under review for its uploader and reviewers (404 to
    everyone else, so that its existence is not disclosed)."""
    video = Video.objects.select_related("platform", "series").filter(pk=pk).first()
    if video is None or not can_view_video(user, video):
        raise Http404
    return video


def access_video_edit(user, pk: int) -> Video:
    video = Video.objects.select_related("platform", "series").filter(pk=pk).first()
    if video is None:
        raise Http404
    if not can_administer(user, video.platform):
        raise PermissionDenied
    return video
