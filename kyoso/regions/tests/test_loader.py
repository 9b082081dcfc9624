"""The reference data loader is idempotent and never deletes a municipality."""

import shutil

import pytest

from kyoso.regions.loader import DATA_DIR, ReferenceDataError, load_reference_data
from kyoso.regions.models import Field, Municipality, Prefecture


def test_reference_data_is_loaded(db):
    assert Prefecture.objects.count() == 47
    assert Municipality.objects.count() == 1916
    assert Municipality.objects.filter(kind="ward").count() == 175
    assert list(Field.objects.values_list("name", flat=True)[:4]) == [
        "掃除",
        "洗濯",
        "調理",
        "買い物",
    ]
    assert Field.objects.count() == 23
    assert Municipality.objects.get(lg_code="011011").parent_id == "011002"


def test_loading_twice_changes_nothing(db):
    report = load_reference_data()
    assert report.municipalities == 1916
    assert report.retired == 0
    assert Municipality.objects.count() == 1916


def test_a_merged_municipality_is_kept_but_marked_inactive(db, tmp_path):
    for name in ("prefectures.csv", "fields.csv"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    lines = (DATA_DIR / "municipalities.csv").read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if not line.startswith("131016,")]
    (tmp_path / "municipalities.csv").write_text("\n".join(kept) + "\n", encoding="utf-8")

    report = load_reference_data(tmp_path)

    assert report.retired == 1
    chiyoda = Municipality.objects.get(lg_code="131016")
    assert chiyoda.is_active is False
    load_reference_data()
    chiyoda.refresh_from_db()
    assert chiyoda.is_active is True


def test_a_bad_check_digit_in_the_data_stops_the_load(db, tmp_path):
    for name in ("municipalities.csv", "fields.csv"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    text = (DATA_DIR / "prefectures.csv").read_text(encoding="utf-8")
    (tmp_path / "prefectures.csv").write_text(text.replace("130001", "130002"), encoding="utf-8")
    with pytest.raises(ReferenceDataError):
        load_reference_data(tmp_path)
