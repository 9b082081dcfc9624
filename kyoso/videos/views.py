"""Video pages: the archive by series, a series (symposium) page, a video with its player,
captions, chapters and transcript, the training corner with progress, and admins' forms."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kyoso.core.cache import cache_anonymous_page
from kyoso.core.decorators import staff_required
from kyoso.core.downloads import file_download
from kyoso.core.media import video_embed_url
from kyoso.core.text import clean_param
from kyoso.directory.access import listed_organisations_of
from kyoso.measures.files import human_size
from kyoso.platforms.access import access_platform

from . import selectors
from .access import (
    access_series_edit,
    access_video,
    access_video_edit,
    administered_platforms,
    editable_series,
)
from .actions import (
    chapter_paragraphs,
    organisation_video_submit,
    series_save,
    unit_complete,
    video_create,
    video_update,
)
from .forms import OrganisationVideoForm, SeriesForm, VideoForm
from .models import Completion, Series, Video
from .stream import ranged_file

KINDS = dict(Series.Kind.choices)


@cache_anonymous_page
def video_list(request):
    return _list(request, None)


@cache_anonymous_page
def platform_video_list(request, slug: str):
    """A prefecture's own series (its symposiums, its training); the archive is national."""
    return _list(request, access_platform(slug))


def _list(request, platform):
    kind = request.GET.get("kind", "")
    kind = kind if kind in KINDS and kind != Series.Kind.TRAINING else ""
    q = clean_param(request.GET.get("q", ""), 200)
    if q:
        hits = selectors.search_videos(q)
        page = Paginator(hits, 20).get_page(request.GET.get("page"))
        series_rows = []
    else:
        page = None
        series_rows = selectors.series_with_videos(kind=kind, platform=platform)
    if platform is not None:
        request.platform = platform
    context = {
        "platform": platform,
        "kind": kind,
        "kinds": [(k, label) for k, label in Series.Kind.choices if k != Series.Kind.TRAINING],
        "q": q,
        "page": page,
        "series_rows": series_rows,
        "can_add": request.user.is_authenticated and administered_platforms(request.user).exists(),
        "can_submit": listed_organisations_of(request.user).exists(),
        "breadcrumbs": ([(platform.short_name(), platform.get_absolute_url())] if platform else [])
        + [(_("シンポジウム動画"), None)],
    }
    return render(request, "videos/list.html", context)


@cache_anonymous_page
def series_detail(request, pk: int):
    series = Series.objects.select_related("platform").filter(pk=pk).first()
    if series is None:
        raise Http404
    if series.kind == Series.Kind.TRAINING:
        return redirect("videos:training_series", pk=pk)
    videos = list(selectors.published_videos().filter(series=series).prefetch_related("speakers"))
    materials = selectors.materials_of(videos)
    context = {
        "series": series,
        "videos": videos,
        "materials": materials,
        "cases": series.cases.filter(status="published").select_related(
            "prefecture", "municipality"
        ),
        "breadcrumbs": [(_("シンポジウム動画"), reverse("videos:list")), (series.title, None)],
    }
    return render(request, "videos/series.html", context)


def _start(request, video: Video) -> int:
    raw = request.GET.get("t", "")
    if raw.isdigit() and len(raw) < 7:
        return min(int(raw), video.duration or int(raw))
    return 0


def video_detail(request, pk: int):
    video = access_video(request.user, pk)
    return _video_page(request, video)


def _video_page(request, video: Video):
    start = _start(request, video)
    chapters = list(video.chapters.all())
    embed = video_embed_url(video.url) if video.source != Video.Source.FILE else None
    if embed and start:
        embed += ("&" if "?" in embed else "?") + (f"start={start}" if "youtube" in embed else "")
        if "vimeo" in embed:
            embed = embed.rstrip("?&") + f"#t={start}s"
    series = video.series
    is_training = series is not None and series.kind == Series.Kind.TRAINING
    done = (
        request.user.is_authenticated
        and Completion.objects.filter(user=request.user, video=video).exists()
    )
    crumbs = (
        [(_("研修"), reverse("videos:training")), (series.title, series.get_absolute_url())]
        if is_training
        else [(_("シンポジウム動画"), reverse("videos:list"))]
        + ([(series.title, series.get_absolute_url())] if series else [])
    )
    crumbs.append((video.title, None))
    context = {
        "video": video,
        "start": start,
        "embed": embed,
        "chapters": [(c, chapter_paragraphs(c)) for c in chapters],
        "speakers": video.speakers.select_related("organisation"),
        "materials": [(m, human_size(m.size)) for m in video.materials.all()],
        "is_training": is_training,
        "done": done,
        "siblings": list(selectors.published_videos().filter(series=series).only("pk", "title"))
        if series
        else [],
        "can_edit": request.user.is_authenticated
        and administered_platforms(request.user).filter(pk=video.platform_id).exists(),
        "breadcrumbs": crumbs,
    }
    response = render(request, "videos/detail.html", context)
    if not video.is_published:
        response["Cache-Control"] = "private, no-store"
    return response


def video_file(request, pk: int):
    video = access_video(request.user, pk)
    if video.source != Video.Source.FILE or not video.file:
        raise Http404
    return ranged_file(
        request, video.file, content_type=video.file_type, private=not video.is_published
    )


def captions(request, pk: int):
    video = access_video(request.user, pk)
    if not video.captions:
        raise Http404
    response = HttpResponse(video.captions, content_type="text/vtt; charset=utf-8")
    response["X-Content-Type-Options"] = "nosniff"
    if not video.is_published:
        response["Cache-Control"] = "private, no-store"
    return response


def material(request, pk: int, material_id: int):
    video = access_video(request.user, pk)
    found = video.materials.filter(pk=material_id).first()
    if found is None:
        raise Http404
    return file_download(
        found.file,
        name=f"{found.title[:80]}.pdf",
        content_type="application/pdf",
        private=not video.is_published,
    )


# --- training -----------------------------------------------------------------------------


def training(request):
    series = selectors.training_series()
    progress = selectors.progress_for(request.user, series) if request.user.is_authenticated else {}
    rows = [(s, progress.get(s.pk)) for s in series]
    context = {
        "rows": rows,
        "can_add": request.user.is_authenticated and administered_platforms(request.user).exists(),
        "breadcrumbs": [(_("研修"), None)],
    }
    return render(request, "videos/training.html", context)


def training_series(request, pk: int):
    series = (
        Series.objects.select_related("platform").filter(pk=pk, kind=Series.Kind.TRAINING).first()
    )
    if series is None:
        raise Http404
    units = list(selectors.published_videos().filter(series=series).prefetch_related("materials"))
    done = set()
    if request.user.is_authenticated:
        done = set(
            Completion.objects.filter(user=request.user, video__in=units).values_list(
                "video_id", flat=True
            )
        )
    context = {
        "series": series,
        "units": [(u, u.pk in done) for u in units],
        "done_count": len(done),
        "breadcrumbs": [(_("研修"), reverse("videos:training")), (series.title, None)],
    }
    return render(request, "videos/training_series.html", context)


@login_required
@require_POST
def unit_done(request, pk: int):
    video = access_video(request.user, pk)
    if not video.is_published or video.series is None or video.series.kind != "training":
        raise Http404
    done = request.POST.get("done") != "0"
    unit_complete(user=request.user, video=video, done=done)
    if done:
        messages.success(request, _("「%(title)s」を受講済みにしました。") % {"title": video.title})
    else:
        messages.info(
            request, _("「%(title)s」の受講済みを取り消しました。") % {"title": video.title}
        )
    return redirect(video.series.get_absolute_url())


# --- admins' forms ------------------------------------------------------------------------


@staff_required
def series_new(request):
    return _series_form(request, None)


@staff_required
def series_edit(request, pk: int):
    return _series_form(request, access_series_edit(request.user, pk))


def _series_form(request, series):
    platforms = administered_platforms(request.user)
    if not platforms.exists():
        raise PermissionDenied
    form = SeriesForm(instance=series, platforms=platforms)
    status = 200
    if request.method == "POST":
        form = SeriesForm(request.POST, instance=series, platforms=platforms)
        if form.is_valid():
            saved = series_save(actor=request.user, form=form)
            messages.success(
                request, _("シリーズ「%(title)s」を保存しました。") % {"title": saved.title}
            )
            return redirect(saved.get_absolute_url())
        status = 422
    crumbs = [(_("シンポジウム動画"), reverse("videos:list")), (_("シリーズの登録"), None)]
    return render(
        request,
        "videos/series_form.html",
        {"form": form, "series": series, "breadcrumbs": crumbs},
        status=status,
    )


@staff_required
def video_new(request):
    series = editable_series(request.user)
    if not administered_platforms(request.user).exists():
        raise PermissionDenied
    initial = {}
    if request.GET.get("series", "").isdigit() and len(request.GET["series"]) < 12:
        initial["series"] = request.GET["series"]
    form = VideoForm(series=series, initial=initial)
    status = 200
    if request.method == "POST":
        form = VideoForm(request.POST, request.FILES, series=series)
        if form.is_valid():
            video = video_create(actor=request.user, form=form)
            messages.success(
                request,
                _(
                    "「%(title)s」を登録し、審査に送りました。ほかの管理者・モデレーターが公開します。"
                )
                % {"title": video.title},
            )
            return redirect(video.get_absolute_url())
        status = 422
    crumbs = [(_("シンポジウム動画"), reverse("videos:list")), (_("動画の登録"), None)]
    return render(request, "videos/form.html", {"form": form, "breadcrumbs": crumbs}, status=status)


@login_required
def video_submit(request):
    """Members of a listed organisation submit its own video (a YouTube or Vimeo link)."""

    organisations = listed_organisations_of(request.user)
    if not organisations.exists():
        raise PermissionDenied
    form = OrganisationVideoForm(organisations=organisations)
    status = 200
    if request.method == "POST":
        form = OrganisationVideoForm(request.POST, request.FILES, organisations=organisations)
        if form.is_valid():
            video = organisation_video_submit(actor=request.user, form=form)
            messages.success(
                request,
                _(
                    "「%(title)s」を審査に送りました。プラットフォームの担当者が確かめてから公開されます。"
                )
                % {"title": video.title},
            )
            return redirect("accounts:me")
        status = 422
    crumbs = [(_("シンポジウム動画"), reverse("videos:list")), (_("団体の動画を登録する"), None)]
    return render(
        request,
        "videos/form.html",
        {"form": form, "organisation_video": True, "breadcrumbs": crumbs},
        status=status,
    )


@staff_required
def video_edit(request, pk: int):
    video = access_video_edit(request.user, pk)
    series = editable_series(request.user)
    form = VideoForm(instance=video, series=series)
    status = 200
    if request.method == "POST":
        form = VideoForm(request.POST, request.FILES, instance=video, series=series)
        if form.is_valid():
            video_update(actor=request.user, video=video, form=form)
            messages.success(request, _("動画の情報を更新しました。"))
            return redirect(video.get_absolute_url())
        status = 422
    crumbs = [(_("シンポジウム動画"), reverse("videos:list")), (video.title, None)]
    return render(
        request,
        "videos/form.html",
        {"form": form, "video": video, "breadcrumbs": crumbs},
        status=status,
    )
