"""PostgreSQL with prepared statements: generic plans only for anonymous requests."""

import pytest
from django.conf import settings
from django.db import connection

from kyoso.core.middleware import CUSTOM_PLANS, GENERIC_PLANS


def _mode() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW plan_cache_mode")
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_signed_in_requests_plan_each_query_for_its_values_anonymous_ones_may_reuse(
    client, resident
):
    if connection.vendor != "postgresql" or not settings.GENERIC_PLANS_FOR_ANONYMOUS:
        pytest.skip("generic plans are a PostgreSQL prepared-statement matter")
    client.get("/measures/")
    assert _mode() == GENERIC_PLANS
    client.force_login(resident)
    client.get("/accounts/me/")
    assert _mode() == CUSTOM_PLANS
    client.get("/measures/")  # signed in: still planned per run
    assert _mode() == CUSTOM_PLANS
    client.logout()
    client.get("/measures/")
    assert _mode() == GENERIC_PLANS


def test_sqlite_and_unprepared_connections_leave_the_middleware_out():
    from django.core.exceptions import MiddlewareNotUsed

    from kyoso.core.middleware import GenericPlansMiddleware

    if settings.GENERIC_PLANS_FOR_ANONYMOUS:
        assert GenericPlansMiddleware(lambda request: None) is not None
    else:
        with pytest.raises(MiddlewareNotUsed):
            GenericPlansMiddleware(lambda request: None)
