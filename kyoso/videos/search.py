"""Videos in search: a video by its title, description and speakers; each chapter by what is
said in it, so that a word from a talk finds the chapter (its URL starts the player there)."""

from kyoso.search.registry import SearchDocument

from .models import Chapter, Video


def video_document(video: Video) -> SearchDocument:
    speakers = " ".join(f"{s.name} {s.affiliation}" for s in video.speakers.all())
    series = video.series.title if video.series else ""
    return SearchDocument(
        title=video.title,
        body="\n".join([video.description, speakers, series]),
        url=video.get_absolute_url(),
        platform_id=video.platform_id,
        is_public=video.is_published,
        date=video.published_at,
        facets={"kind": [video.series.kind] if video.series else []},
    )


def chapter_document(chapter: Chapter) -> SearchDocument:
    video = chapter.video
    return SearchDocument(
        title=f"{video.title}（{chapter.label} {chapter.title}）",
        body=chapter.transcript,
        url=chapter.get_absolute_url(),
        platform_id=video.platform_id,
        is_public=video.is_published,
        date=video.published_at,
    )
