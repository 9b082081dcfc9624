"""Idempotent loader for the shipped reference data (kyoso/regions/data/*.csv)."""

import csv
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from .codes import is_valid_lg_code
from .models import Field, Municipality, Prefecture

DATA_DIR = Path(__file__).resolve().parent / "data"


class ReferenceDataError(Exception):
    """The shipped CSV contradicts itself (a bad check digit, an unknown parent)."""


@dataclass
class LoadReport:
    prefectures: int = 0
    municipalities: int = 0
    fields: int = 0
    retired: int = 0


def _rows(name: str, data_dir: Path) -> list[dict[str, str]]:
    with (data_dir / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _float(value: str) -> float | None:
    return float(value) if value else None


@transaction.atomic
def load_reference_data(data_dir: Path = DATA_DIR) -> LoadReport:
    """Create or update every row by its code. Municipalities missing from the file (after a
    merger) are never deleted: they are marked inactive so content that refers to them keeps
    working."""
    report = LoadReport()
    for row in _rows("prefectures.csv", data_dir):
        if not is_valid_lg_code(row["lg_code"]):
            raise ReferenceDataError(f"prefecture {row['code']}: bad LG code {row['lg_code']}")
        Prefecture.objects.update_or_create(
            code=row["code"],
            defaults={
                "slug": row["slug"],
                "lg_code": row["lg_code"],
                "name": row["name"],
                "name_kana": row["name_kana"],
                "name_en": row["name_en"],
                "iso3166_2": row["iso3166_2"],
                "capital": row["capital"],
                "lat": float(row["lat"]),
                "lng": float(row["lng"]),
                "url": row["url"],
            },
        )
        report.prefectures += 1

    munis = _rows("municipalities.csv", data_dir)
    seen: set[str] = set()
    # Parents (designated cities) first, so wards can point at them.
    for row in sorted(munis, key=lambda r: bool(r["parent_lg_code"])):
        code = row["lg_code"]
        if not is_valid_lg_code(code):
            raise ReferenceDataError(f"municipality {row['name']}: bad LG code {code}")
        Municipality.objects.update_or_create(
            lg_code=code,
            defaults={
                "prefecture_id": row["prefecture_code"],
                "name": row["name"],
                "name_kana": row["name_kana"],
                "kind": row["kind"],
                "parent_id": row["parent_lg_code"] or None,
                "lat": _float(row["lat"]),
                "lng": _float(row["lng"]),
                "url": row["url"],
                "is_active": True,
            },
        )
        seen.add(code)
        report.municipalities += 1
    report.retired = (
        Municipality.objects.exclude(lg_code__in=seen)
        .filter(is_active=True)
        .update(is_active=False)
    )

    for order, row in enumerate(_rows("fields.csv", data_dir), start=1):
        Field.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "name": row["name"],
                "name_kana": row["name_kana"],
                "name_en": row["name_en"],
                "order": order,
            },
        )
        report.fields += 1
    return report
