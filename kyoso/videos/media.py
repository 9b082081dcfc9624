"""Checks and parsing for videos: an uploaded file must be MP4 or WebM by its bytes, captions
must be valid WebVTT (webvtt-py) that fit the video, chapters and transcript are read from plain
lines that start with a time (12:30 or 1:02:03)."""

import io
import re

import webvtt
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

TIME = re.compile(r"^\s*(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:\s+|$)")
MAX_CAPTION_BYTES = 2 * 1024 * 1024


def max_video_bytes() -> int:
    return getattr(settings, "VIDEO_MAX_BYTES", 1024 * 1024 * 1024)


def video_type(upload) -> str:
    """'video/mp4' or 'video/webm' judged by the file's first bytes, or a ValidationError."""
    if upload.size > max_video_bytes():
        raise ValidationError(
            _("動画ファイルは%(mb)sMB以下にしてください。") % {"mb": max_video_bytes() // 2**20},
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(12)
    upload.seek(0)
    if head[4:8] == b"ftyp":
        return "video/mp4"
    if head[:4] == b"\x1a\x45\xdf\xa3":
        return "video/webm"
    raise ValidationError(_("MP4 か WebM の動画ファイルを選んでください。"), code="type")


def parse_time(text: str) -> int | None:
    """'12:30' -> 750, '1:02:03' -> 3723, anything else -> None."""
    match = TIME.match(text or "")
    if not match:
        return None
    hours, minutes, seconds = match.groups()
    if int(seconds) > 59 or (hours and int(minutes) > 59):
        return None
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)


def read_captions(upload) -> tuple[str, list[tuple[int, int, str]]]:
    """(the WebVTT text, [(start, end, text)]) or a ValidationError saying what is wrong."""
    if upload.size > MAX_CAPTION_BYTES:
        raise ValidationError(_("字幕ファイルは2MB以下にしてください。"), code="too_large")
    upload.seek(0)
    raw = upload.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            _("字幕ファイルは UTF-8 の WebVTT（.vtt）で保存してください。"), code="encoding"
        ) from None
    return text, parse_captions(text)


def parse_captions(text: str) -> list[tuple[int, int, str]]:
    if not text.lstrip("\ufeff").startswith("WEBVTT"):
        raise ValidationError(
            _("WebVTT の字幕ファイルではありません（1行目が「WEBVTT」で始まる .vtt ファイル）。"),
            code="vtt",
        )
    try:
        captions = webvtt.from_buffer(io.StringIO(text))
    except Exception as exc:  # webvtt raises several error types for malformed files
        raise ValidationError(
            _(
                "字幕ファイルを読み取れません（%(detail)s）。"
                "時刻の行（00:00:01.000 --> 00:00:04.000）を確かめてください。"
            )
            % {"detail": str(exc)[:80]},
            code="vtt",
        ) from None
    cues = []
    for cue in captions:
        if cue.end_in_seconds < cue.start_in_seconds:
            raise ValidationError(
                _("字幕の時刻が逆になっています（%(start)s）。") % {"start": cue.start},
                code="vtt",
            )
        cues.append((int(cue.start_in_seconds), int(cue.end_in_seconds), cue.text.strip()))
    if not cues:
        raise ValidationError(_("字幕ファイルに字幕がありません。"), code="vtt")
    return cues


def parse_chapters(text: str) -> list[tuple[int, str]]:
    """Lines '12:30 地域の課題' -> [(750, '地域の課題')], in time order; a ValidationError names
    the first line that is not of that form."""
    chapters = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        if not line.strip():
            continue
        start = parse_time(line)
        title = TIME.sub("", line, count=1).strip()
        if start is None or not title:
            raise ValidationError(
                _("%(n)s行目：「0:00 開会あいさつ」のように、時刻と見出しを書いてください。")
                % {"n": number},
                code="chapters",
            )
        chapters.append((start, title[:120]))
    chapters.sort()
    return chapters


def parse_transcript(text: str) -> list[tuple[int, str]]:
    """Paragraphs of a transcript: a line starting with a time starts a paragraph at that time;
    other lines continue the paragraph before (or start one at 0:00)."""
    paragraphs: list[list] = []
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        start = parse_time(line)
        if start is not None:
            paragraphs.append([start, TIME.sub("", line, count=1).strip()])
        elif paragraphs:
            paragraphs[-1][1] += "\n" + line.strip()
        else:
            paragraphs.append([0, line.strip()])
    return [(start, body) for start, body in paragraphs]


def transcript_from_captions(
    cues: list[tuple[int, int, str]], breaks: list[int] = ()
) -> list[tuple[int, str]]:
    """Caption cues joined into paragraphs of about 30 seconds, a new one at each chapter."""
    paragraphs: list[list] = []
    for start, _end, text in cues:
        crossed = paragraphs and any(paragraphs[-1][0] < b <= start for b in breaks)
        if paragraphs and not crossed and start - paragraphs[-1][0] < 30:
            paragraphs[-1][1] += text.replace("\n", "")
        else:
            paragraphs.append([start, text.replace("\n", "")])
    return [(s, t) for s, t in paragraphs]


def split_by_chapter(
    chapters: list[tuple[int, str]], paragraphs: list[tuple[int, str]]
) -> list[tuple[int, str, str]]:
    """(start, title, transcript of that part) per chapter."""
    if not chapters:
        chapters = [(0, _("全編"))]
    parts = []
    for i, (start, title) in enumerate(chapters):
        end = chapters[i + 1][0] if i + 1 < len(chapters) else None
        text = "\n\n".join(
            f"[{_clock(s)}] {body}"
            for s, body in paragraphs
            if (s >= start or i == 0) and (end is None or s < end)
        )
        parts.append((start, title, text))
    return parts


def _clock(seconds: int) -> str:
    from .models import timestamp

    return timestamp(seconds)
