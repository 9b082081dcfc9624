"""Serving an uploaded video with HTTP range requests, so that a browser can seek (and a chapter
link can start the player in the middle) without downloading the whole file first."""

import re

from django.http import FileResponse, Http404, HttpResponse

RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
CHUNK = 1024 * 1024


def _reader(handle, start: int, length: int):
    handle.seek(start)
    left = length
    try:
        while left > 0:
            data = handle.read(min(CHUNK, left))
            if not data:
                break
            left -= len(data)
            yield data
    finally:
        handle.close()


def ranged_file(request, field_file, *, content_type: str, private: bool):
    try:
        handle = field_file.open("rb")
        size = field_file.size
    except (FileNotFoundError, OSError, ValueError):
        raise Http404 from None
    cache = "private, no-store" if private else "public, max-age=3600"
    header = request.headers.get("Range", "").strip()
    if not header.startswith("bytes="):  # no range (or another unit): the whole file
        response = FileResponse(handle, content_type=content_type)
        response["Accept-Ranges"] = "bytes"
        response["Cache-Control"] = cache
        response["X-Content-Type-Options"] = "nosniff"
        return response
    match = RANGE.match(header)
    if match is None or match.groups() == ("", ""):
        handle.close()
        return _unsatisfiable(size)
    first, last = match.groups()
    if first == "":  # the last N bytes
        length = min(int(last), size)
        start, end = size - length, size - 1
    else:
        start = int(first)
        end = min(int(last), size - 1) if last else size - 1
    if start >= size or end < start:
        handle.close()
        return _unsatisfiable(size)
    from django.http import StreamingHttpResponse

    response = StreamingHttpResponse(
        _reader(handle, start, end - start + 1), status=206, content_type=content_type
    )
    response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Content-Length"] = str(end - start + 1)
    response["Accept-Ranges"] = "bytes"
    response["Cache-Control"] = cache
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _unsatisfiable(size: int) -> HttpResponse:
    response = HttpResponse(status=416)
    response["Content-Range"] = f"bytes */{size}"
    return response
