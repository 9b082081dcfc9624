"""Open-data exports: formulas are neutralised in every CSV; JSON is paged."""

import csv
import io

import pytest

from kyoso.core.opendata import safe_cell
from kyoso.testing.factories import make_organisation

pytestmark = pytest.mark.django_db

FORMULAS = ['=HYPERLINK("http://evil.example")', "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx"]


def test_safe_cell_neutralises_formula_starts_and_keeps_other_values():
    assert [safe_cell(v) for v in FORMULAS] == ["'" + v for v in FORMULAS]
    assert safe_cell("普通の団体") == "普通の団体" and safe_cell(12) == 12


def _csv(client, url):
    body = b"".join(client.get(url).streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(body)))


@pytest.mark.parametrize("formula", FORMULAS)
def test_directory_csv_has_no_live_formula(client, formula):
    make_organisation(name="見守りの会", description=formula, public_contact=formula)
    (row,) = _csv(client, "/directory/export.csv")
    assert row["description"] == "'" + formula and row["public_contact"] == "'" + formula


def test_measures_csv_has_no_live_formula(client, national):
    from django.utils import timezone

    from kyoso.measures.models import Measure

    Measure.objects.create(
        platform=national,
        title="=cmd|' /C calc'!A0",
        agency="@厚生労働省",
        kind="grant",
        fiscal_year=2026,
        summary="-1+1",
        status="published",
        published_at=timezone.now(),
    )
    (row,) = _csv(client, "/measures/export.csv")
    assert row["title"].startswith("'=") and row["agency"].startswith("'@")
    assert row["summary"] == "'-1+1"


def test_json_export_is_paged(client, settings):
    import kyoso.core.opendata as opendata

    for i in range(3):
        make_organisation(name=f"団体{i}", kana=f"だんたい{i}")
    old = opendata.JSON_PAGE_SIZE
    opendata.JSON_PAGE_SIZE = 2
    try:
        first = client.get("/directory/export.json").json()
        assert first["count"] == 3 and first["pages"] == 2 and len(first["items"]) == 2
        second = client.get(first["next"].removeprefix(settings.SITE_URL)).json()
        assert len(second["items"]) == 1 and second["next"] is None
        assert client.get("/directory/export.json?page=9").status_code == 404
        assert client.get("/directory/export.json?page=x").status_code == 404
    finally:
        opendata.JSON_PAGE_SIZE = old
