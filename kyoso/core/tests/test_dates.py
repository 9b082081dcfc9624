"""Japanese era years for official dates."""

import datetime

from kyoso.core.dates import era_year, fiscal_year_label


def test_era_years():
    assert era_year(datetime.date(2025, 3, 31)) == "令和7年"
    assert era_year(datetime.date(2019, 5, 1)) == "令和元年"
    assert era_year(datetime.date(2019, 4, 30)) == "平成31年"


def test_fiscal_year_label():
    assert fiscal_year_label(2025) == "令和7年度"
    assert fiscal_year_label(2019) == "令和元年度"
