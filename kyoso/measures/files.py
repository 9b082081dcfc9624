"""Attachments: the type is decided by the file's content, not its name; size-limited; a hook
for a virus scanner (settings.KYOSO_UPLOAD_SCANNER, a dotted path to a callable)."""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OOXML_DIRS = {"word/": "word", "xl/": "excel", "ppt/": "powerpoint"}
OLE_EXTENSIONS = {".doc": "word", ".xls": "excel", ".ppt": "powerpoint"}


def detect_format(upload) -> str:
    """'pdf', 'word', 'excel' or 'powerpoint', or a ValidationError in Japanese."""
    if upload.size == 0:
        raise ValidationError(_("ファイルが空です。"), code="empty")
    if upload.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(_("添付ファイルは20MB以下にしてください。"), code="too_large")
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = archive.namelist()
        except zipfile.BadZipFile:
            names = []
        finally:
            upload.seek(0)
        if "[Content_Types].xml" in names:
            for prefix, kind in OOXML_DIRS.items():
                if any(n.startswith(prefix) for n in names):
                    return kind
    if head == OLE_MAGIC:
        name = (upload.name or "").lower()
        for ext, kind in OLE_EXTENSIONS.items():
            if name.endswith(ext):
                return kind
    raise ValidationError(
        _(
            "PDF・Word・Excel・PowerPoint のファイルを選んでください"
            "（ファイルの中身で判定しています）。"
        ),
        code="type",
    )


def scan(upload) -> None:
    scanner = getattr(settings, "KYOSO_UPLOAD_SCANNER", "")
    if scanner:
        import_string(scanner)(upload)


def human_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f}MB"
    if size >= 1024:
        return f"{size / 1024:.0f}KB"
    return f"{size}B"
