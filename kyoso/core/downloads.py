"""File downloads under their display names, with the right type and caching rules."""

from urllib.parse import quote

from django.http import FileResponse, Http404


def file_download(field_file, *, name: str, content_type: str, private: bool) -> FileResponse:
    try:
        handle = field_file.open("rb")
    except (FileNotFoundError, OSError, ValueError):
        raise Http404 from None
    response = FileResponse(handle, content_type=content_type)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    response["X-Content-Type-Options"] = "nosniff"
    if private:
        response["Cache-Control"] = "private, no-store"
    return response
