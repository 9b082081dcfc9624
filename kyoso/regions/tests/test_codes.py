"""LG code check digits and region keys."""

import csv

import pytest
from django.core.exceptions import ValidationError

from kyoso.regions.codes import (
    is_valid_lg_code,
    keys_matching_muni,
    keys_matching_pref,
    lg_check_digit,
    validate_lg_code,
)
from kyoso.regions.loader import DATA_DIR


def test_check_digit_of_known_codes():
    assert lg_check_digit("13101") == 6  # 千代田区 131016
    assert lg_check_digit("01100") == 2  # 札幌市 011002
    assert is_valid_lg_code("131016")


@pytest.mark.parametrize("code", ["131017", "13101", "1310166", "abcdef", ""])
def test_bad_codes_are_refused(code):
    assert not is_valid_lg_code(code)
    with pytest.raises(ValidationError):
        validate_lg_code(code)


def test_check_digit_error_message_is_japanese():
    with pytest.raises(ValidationError) as info:
        validate_lg_code("131017")
    assert "検査数字" in info.value.messages[0]


def test_every_shipped_code_passes_the_check_digit():
    with (DATA_DIR / "municipalities.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 1916
    assert all(is_valid_lg_code(row["lg_code"]) for row in rows)


def test_region_keys_follow_the_hierarchy():
    assert keys_matching_pref("13") == ["JP", "P13", "IN13"]
    assert keys_matching_muni("131016") == ["JP", "P13", "M131016"]
    assert "M141003" in keys_matching_muni("141011", parent_lg_code="141003")
