"""Open-data exports (CSV and JSON) with the data licence stated, shared by every list."""

import csv
from collections.abc import Iterable

from django.conf import settings
from django.http import HttpResponse, JsonResponse


def _with_licence(response):
    response["Link"] = f'<{settings.OPEN_DATA_LICENSE_URL}>; rel="license"'
    response["X-License"] = settings.OPEN_DATA_LICENSE
    return response


def csv_response(rows: Iterable[dict], *, columns: list[str], filename: str) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # BOM, so that Excel opens UTF-8 Japanese correctly
    writer = csv.DictWriter(response, fieldnames=columns)
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return _with_licence(response)


def json_response(rows: Iterable[dict], *, source: str) -> JsonResponse:
    data = {
        "license": settings.OPEN_DATA_LICENSE,
        "license_url": settings.OPEN_DATA_LICENSE_URL,
        "source": settings.SITE_URL + source,
        "items": list(rows),
    }
    return _with_licence(JsonResponse(data, json_dumps_params={"ensure_ascii": False}))
