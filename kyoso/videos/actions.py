"""State changes for videos: series saved by platform admins (audited), videos sent for review
(another reviewer publishes them), edits by the people who run the platform (audited, live at
once), and training units marked done."""

import re

from django.db import transaction

from kyoso.audit.actions import audit_record
from kyoso.moderation.actions import publishable_submit

from . import media
from .models import Chapter, Completion, Material, Speaker, Video

CLOCK = re.compile(r"^\[([\d:]+)\] ", re.MULTILINE)


def chapter_paragraphs(chapter: Chapter) -> list[tuple[int, str, str]]:
    """(seconds, clock, text) for each paragraph of a chapter's transcript."""
    found = []
    for block in chapter.transcript.split("\n\n"):
        match = CLOCK.match(block)
        if match:
            seconds = media.parse_time(match.group(1)) or 0
            found.append((seconds, match.group(1), block[match.end() :]))
        elif block.strip():
            found.append((chapter.start, chapter.label, block))
    return found


def transcript_source(video: Video) -> str:
    """The transcript as the form shows it: paragraphs that start with their time."""
    return "\n\n".join(
        f"{clock} {text}" for c in video.chapters.all() for _s, clock, text in chapter_paragraphs(c)
    )


@transaction.atomic
def series_save(*, actor, form):
    series = form.save(commit=False)
    created = series.pk is None
    if created:
        series.created_by = actor
    series.save()
    form.save_m2m()
    audit_record(
        actor=actor,
        action="videos.series_create" if created else "videos.series_update",
        platform=series.platform,
        target=series,
    )
    return series


def _write_parts(video: Video, form, actor) -> None:
    from kyoso.search.engine import remove_object
    from kyoso.search.tasks import schedule_index

    data = form.cleaned_data
    cues = getattr(form, "cues", None)
    if cues is None and video.captions:
        cues = media.parse_captions(video.captions)
    chapters = data.get("chapters_text") or []
    text = data.get("transcript_text") or ""
    paragraphs = media.parse_transcript(text) if text.strip() else []
    if not paragraphs and cues:
        paragraphs = media.transcript_from_captions(cues, [start for start, _t in chapters])
    for old in list(video.chapters.all()):
        remove_object(old)
    video.chapters.all().delete()
    for start, title, part in media.split_by_chapter(chapters, paragraphs):
        chapter = Chapter.objects.create(video=video, start=start, title=title, transcript=part)
        if video.is_published:
            schedule_index(chapter)
    video.speakers.all().delete()
    Speaker.objects.bulk_create(
        Speaker(
            video=video,
            name=s["name"],
            affiliation=s["affiliation"],
            organisation=s["org"],
            position=i,
        )
        for i, s in enumerate(data.get("speakers_text") or [])
    )
    ends = [end for _s, end, _t in cues or []] + [start for start, _t in chapters]
    video.duration = data.get("duration_text") or max(ends, default=video.duration or 0)
    upload = data.get("material_upload")
    if upload:
        material = Material(video=video, title=data["material_title"], size=upload.size)
        material.file.save("material.pdf", upload, save=False)
        material.save()


def _apply(video: Video, form) -> None:
    data = form.cleaned_data
    video.series = data["series"]
    video.platform = data["series"].platform
    if data.get("captions_upload"):
        video.captions = data["captions_upload"]
    upload = data.get("upload")
    if video.source == Video.Source.FILE and upload:
        old = video.file.name if video.file else ""
        video.file.save("video", upload, save=False)
        video.file_type = form.upload_type
        if old:
            storage = video.file.storage
            transaction.on_commit(lambda: storage.delete(old))
    if video.source != Video.Source.FILE:
        video.file_type = ""
    video.save()
    _write_parts(video, form, None)
    video.save(update_fields=["duration"])


@transaction.atomic
def video_create(*, actor, form) -> Video:
    video = form.save(commit=False)
    video.submitted_by = actor
    _apply(video, form)
    audit_record(actor=actor, action="content.create", platform=video.platform, target=video)
    return publishable_submit(actor=actor, obj=video)


@transaction.atomic
def organisation_video_submit(*, actor, form) -> Video:
    """A listed organisation's video, in its own series ("団体の動画") on its platform, sent for
    review by that platform's moderators."""
    from .models import Series

    org = form.cleaned_data["organisation"]
    series, _created = Series.objects.get_or_create(
        organisation=org,
        kind=Series.Kind.ORGANISATION,
        defaults={"platform": org.platform, "title": f"{org.name}の動画", "created_by": actor},
    )
    form.cleaned_data["series"] = series
    video = form.save(commit=False)
    video.submitted_by = actor
    video.position = series.videos.count() + 1
    _apply(video, form)
    audit_record(actor=actor, action="content.create", platform=video.platform, target=video)
    return publishable_submit(actor=actor, obj=video)


@transaction.atomic
def video_update(*, actor, video: Video, form) -> Video:
    from kyoso.search.tasks import schedule_index

    video = form.save(commit=False)
    video.version += 1
    _apply(video, form)
    audit_record(
        actor=actor,
        action="content.update",
        platform=video.platform,
        target=video,
        data={"fields": sorted(form.changed_data)},
    )
    if video.is_published:
        schedule_index(video)
    return video


@transaction.atomic
def unit_complete(*, user, video: Video, done: bool) -> None:
    if done:
        Completion.objects.get_or_create(user=user, video=video)
    else:
        Completion.objects.filter(user=user, video=video).delete()
