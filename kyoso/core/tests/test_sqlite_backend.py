"""kyoso.core.sqlite: Django's SQLite backend with placeholders converted once per query text."""

import pytest
from django.db import connection

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite backend"),
]


def test_queries_answer_as_with_djangos_backend():
    from kyoso.core.sqlite.base import _qmark

    _qmark.cache_clear()
    with connection.cursor() as cursor:
        for value in (1, 2):
            cursor.execute("SELECT %s, '100%%', %s", [value, "%s"])
            assert cursor.fetchone() == (value, "100%", "%s")
        cursor.execute("SELECT %(a)s || %(b)s", {"a": "共", "b": "創"})  # named: Django's way
        assert cursor.fetchone() == ("共創",)
    info = _qmark.cache_info()
    assert (info.hits, info.misses) == (1, 1)  # converted once, then kept
