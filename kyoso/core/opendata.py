"""Open-data exports (CSV and JSON) with the data licence stated, shared by every list.

CSV is streamed row by row (a whole table never sits in memory) and every cell that a spreadsheet
would run as a formula is neutralised. JSON is paged (`?page=N`, with a link to the next page)."""

import csv
import math

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, JsonResponse, StreamingHttpResponse

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
JSON_PAGE_SIZE = 500


def _with_licence(response):
    response["Link"] = f'<{settings.OPEN_DATA_LICENSE_URL}>; rel="license"'
    response["X-License"] = settings.OPEN_DATA_LICENSE
    return response


def safe_cell(value):
    """A cell that Excel or LibreOffice would evaluate (=HYPERLINK(…), +cmd, @SUM, -1+2, a leading
    tab or CR) gets a leading apostrophe, so it is shown as text. Numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


class _Echo:
    def write(self, value):
        return value


def _rows_iter(queryset):
    if hasattr(queryset, "iterator"):
        return queryset.iterator(chunk_size=500)
    return iter(queryset)


def csv_response(queryset, *, row, columns: list[str], filename: str) -> StreamingHttpResponse:
    """Stream `row(obj)` for each object as CSV (UTF-8 with BOM, so Excel reads Japanese)."""
    writer = csv.DictWriter(_Echo(), fieldnames=columns)

    def lines():
        yield "\ufeff" + writer.writeheader()
        for obj in _rows_iter(queryset):
            yield writer.writerow({k: safe_cell(v) for k, v in row(obj).items()})

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return _with_licence(response)


def json_response(request, queryset, *, row, source: str) -> JsonResponse:
    """One page of `row(obj)` items with the licence and links to the other pages."""
    paginator = Paginator(queryset, JSON_PAGE_SIZE, allow_empty_first_page=True)
    raw = request.GET.get("page", "1")
    try:
        number = int(raw) if raw.isdigit() and len(raw) < 10 else -1
        page = paginator.page(number)
    except InvalidPage:
        raise Http404 from None
    params = request.GET.copy()
    base = settings.SITE_URL + request.path

    def link(n):
        params["page"] = str(n)
        return f"{base}?{params.urlencode()}"

    data = {
        "license": settings.OPEN_DATA_LICENSE,
        "license_url": settings.OPEN_DATA_LICENSE_URL,
        "source": settings.SITE_URL + source,
        "count": paginator.count,
        "page": page.number,
        "pages": max(1, math.ceil(paginator.count / JSON_PAGE_SIZE)),
        "next": link(page.number + 1) if page.has_next() else None,
        "previous": link(page.number - 1) if page.has_previous() else None,
        "items": [row(obj) for obj in page.object_list],
    }
    return _with_licence(JsonResponse(data, json_dumps_params={"ensure_ascii": False}))
