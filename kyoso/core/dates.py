"""Japanese dates: the era (和暦) beside the Gregorian year, as officials expect."""

import datetime

# (first day, era name, English name); newest first.
ERAS = [
    (datetime.date(2019, 5, 1), "令和", "Reiwa"),
    (datetime.date(1989, 1, 8), "平成", "Heisei"),
    (datetime.date(1926, 12, 25), "昭和", "Showa"),
]


def era_year(day: datetime.date) -> str:
    """令和7年 for 2025-03-31; 令和元年 for the first year of an era."""
    for start, name, _en in ERAS:
        if day >= start:
            number = day.year - start.year + 1
            return f"{name}{'元' if number == 1 else number}年"
    return f"{day.year}年"


def fiscal_year_label(year: int) -> str:
    """令和7年度 for fiscal 2025 (April 2025 to March 2026). Officials name a fiscal year by the
    era in force for most of it: fiscal 2019 is 令和元年度 although it began in 平成31年."""
    return era_year(datetime.date(year, 12, 31))[:-1] + "年度"
