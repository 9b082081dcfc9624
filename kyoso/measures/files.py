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
OLE_EXTENSIONS = {".doc": "word_legacy", ".xls": "excel_legacy", ".ppt": "powerpoint_legacy"}
# format -> (extension, MIME type). The downloaded file's extension always follows its content.
FORMATS = {
    "pdf": (".pdf", "application/pdf"),
    "word": (
        ".docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "excel": (".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "powerpoint": (
        ".pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    "word_legacy": (".doc", "application/msword"),
    "excel_legacy": (".xls", "application/vnd.ms-excel"),
    "powerpoint_legacy": (".ppt", "application/vnd.ms-powerpoint"),
}


def download_name(name: str, fmt: str) -> str:
    """The uploaded name with the extension of the detected type (a PDF named evil.html
    downloads as evil.pdf), without path parts or control characters."""
    import os
    import unicodedata

    base = os.path.basename((name or "").replace("\\", "/"))
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")
    stem = os.path.splitext(base)[0].strip(" .") or "file"
    return stem[:200] + FORMATS[fmt][0]


def detect_format(upload) -> str:
    """A key of FORMATS, judged by content, or a ValidationError in Japanese."""
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
