"""Uploaded images (validated, re-encoded: logos, event pictures, case photos, posts) and
privacy-enhanced video embeds, shared by every app."""

import io
import re
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

MAX_LOGO_BYTES = 2 * 1024 * 1024
MAX_LOGO_PIXELS = 4000
LOGO_BOX = 600
ALLOWED_FORMATS = {"PNG", "JPEG", "WEBP", "GIF"}


def reencode_logo(upload) -> ContentFile:
    return reencode_image(upload, box=LOGO_BOX, name="logo.png")


def reencode_image(upload, *, box: int, name: str, max_bytes: int = MAX_LOGO_BYTES) -> ContentFile:
    """Check an uploaded image (a logo, an event's picture) by its content and re-encode it as
    PNG within `box` pixels (drops metadata and any payload hidden in the original file)."""
    if upload.size > max_bytes:
        raise ValidationError(
            _("画像は%(mb)sMB以下にしてください。") % {"mb": max_bytes // (1024 * 1024)},
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("画像のファイルが空です。"), code="empty")
    try:
        upload.seek(0)
        image = Image.open(upload)
        image.verify()  # structure check; the object cannot be used afterwards
        upload.seek(0)
        image = Image.open(upload)
        if image.format not in ALLOWED_FORMATS:
            raise ValidationError(
                _("画像は PNG・JPEG・WebP・GIF のいずれかにしてください。"), code="type"
            )
        if max(image.size) > MAX_LOGO_PIXELS:
            raise ValidationError(_("画像は縦横4000ピクセル以下にしてください。"), code="pixels")
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise ValidationError(_("画像として読み込めないファイルです。"), code="invalid") from None
    image = image.convert("RGBA")
    image.thumbnail((box, box))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return ContentFile(out.getvalue(), name=name)


YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
VIMEO_ID = re.compile(r"^\d{1,12}$")


def video_embed_url(url: str) -> str | None:
    """The privacy-enhanced embed URL for a YouTube or Vimeo link, or None if not one."""
    if not url:
        return None
    parsed = urlparse(url.strip())
    host = (parsed.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    parts = [p for p in parsed.path.split("/") if p]
    video = None
    if host in {"youtube.com", "youtube-nocookie.com"}:
        if parts[:1] == ["watch"]:
            video = parse_qs(parsed.query).get("v", [None])[0]
        elif len(parts) >= 2 and parts[0] in {"embed", "shorts", "live"}:
            video = parts[1]
        if video and YOUTUBE_ID.match(video):
            return f"https://www.youtube-nocookie.com/embed/{video}"
    elif host == "youtu.be" and parts and YOUTUBE_ID.match(parts[0]):
        return f"https://www.youtube-nocookie.com/embed/{parts[0]}"
    elif host in {"vimeo.com", "player.vimeo.com"}:
        candidate = parts[-1] if parts else ""
        if VIMEO_ID.match(candidate):
            return f"https://player.vimeo.com/video/{candidate}?dnt=1"
    return None


def validate_video_url(url: str) -> None:
    if url and video_embed_url(url) is None:
        raise ValidationError(
            _(
                "YouTube または Vimeo の動画の URL を入力してください（例：https://www.youtube.com/watch?v=…）。"
            ),
            code="video",
        )
