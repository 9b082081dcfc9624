"""Attachments on posts: one image or PDF per post, checked by content. An image is re-encoded as
PNG (metadata and anything hidden in it dropped) and needs alt text; a PDF must be a PDF by its
bytes. Between the two steps of starting a thread, the checked file waits in storage under a
random name known only to its uploader (kept in the cache for an hour)."""

import secrets

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _

from kyoso.core.media import reencode_image
from kyoso.measures.files import download_name, scan

MAX_BYTES = 10 * 1024 * 1024
IMAGE_BOX = 1600
PENDING_SECONDS = 3600


def check_upload(upload, alt: str) -> dict:
    """{'kind', 'content' (ContentFile), 'name', 'alt'} or a ValidationError in Japanese."""
    if upload.size > MAX_BYTES:
        raise ValidationError(_("添付ファイルは10MB以下にしてください。"), code="too_large")
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):  # a PDF by its bytes, as measures' attachments are judged
        scan(upload)
        upload.seek(0)
        name = download_name(upload.name, "pdf")
        return {"kind": "pdf", "content": ContentFile(upload.read(), name=name), "name": name}
    try:
        content = reencode_image(upload, box=IMAGE_BOX, name="image.png", max_bytes=MAX_BYTES)
    except ValidationError:
        raise ValidationError(
            _("画像（PNG・JPEG・WebP・GIF）かPDFのファイルを選んでください。"), code="type"
        ) from None
    if not alt.strip():
        raise ValidationError(
            _("画像に何が写っているかを「画像の説明」に書いてください（読み上げで使われます）。"),
            code="alt",
        )
    name = download_name(upload.name, "pdf").removesuffix(".pdf") + ".png"
    return {"kind": "image", "content": content, "name": name, "alt": alt.strip()}


def keep_pending(user, checked: dict) -> str:
    """Store a checked file between the two steps of starting a thread; returns its token."""
    token = secrets.token_urlsafe(24)
    path = default_storage.save(f"board/pending/{secrets.token_hex(16)}", checked["content"])
    cache.set(
        f"board-upload:{token}",
        {
            "user": user.pk,
            "path": path,
            "kind": checked["kind"],
            "name": checked["name"],
            "alt": checked.get("alt", ""),
        },
        PENDING_SECONDS,
    )
    return token


def take_pending(user, token: str) -> dict | None:
    """The file kept under `token` for this user (None if unknown, expired or someone else's)."""
    if not token or len(token) > 64:
        return None
    found = cache.get(f"board-upload:{token}")
    if not found or found.get("user") != user.pk:
        return None
    try:
        with default_storage.open(found["path"], "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    return {
        "kind": found["kind"],
        "content": ContentFile(data, name=found["name"]),
        "name": found["name"],
        "alt": found["alt"],
        "path": found["path"],
        "token": token,
    }


def drop_pending(taken: dict) -> None:
    cache.delete(f"board-upload:{taken['token']}")
    default_storage.delete(taken["path"])


def attach(post, checked: dict) -> None:
    from .models import PostAttachment

    row = PostAttachment(
        post=post,
        kind=checked["kind"],
        original_name=checked["name"][:200],
        alt=checked.get("alt", "")[:200],
        size=checked["content"].size,
    )
    row.file.save(checked["name"], checked["content"], save=False)
    row.save()


def purge_pending(*, older_than_seconds: int = 2 * PENDING_SECONDS, now=None) -> int:
    """Delete files kept for a second posting step that never came (their cache entry has
    expired). Run daily by `manage.py purge_board_uploads`. Returns how many were deleted."""
    import datetime

    from django.utils import timezone

    now = now or timezone.now()
    try:
        _dirs, names = default_storage.listdir("board/pending")
    except (FileNotFoundError, NotADirectoryError):
        return 0
    deleted = 0
    for name in names:
        path = f"board/pending/{name}"
        try:
            modified = default_storage.get_modified_time(path)
        except OSError:
            continue
        if now - modified > datetime.timedelta(seconds=older_than_seconds):
            default_storage.delete(path)
            deleted += 1
    return deleted
