"""PostgreSQL with prepared statements: generic plans for pages, custom plans for staff pages."""

import pytest
from django.conf import settings
from django.db import connection

from kyoso.core.middleware import CUSTOM_PLANS, GENERIC_PLANS


def _mode() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW plan_cache_mode")
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_staff_pages_plan_each_query_for_its_values_other_pages_may_reuse_a_plan(
    client, resident, national_admin, settings
):
    if connection.vendor != "postgresql" or not settings.GENERIC_PLANS:
        pytest.skip("generic plans are a PostgreSQL prepared-statement matter")
    settings.KYOSO_REQUIRE_ADMIN_MFA = False
    client.get("/measures/")
    assert _mode() == GENERIC_PLANS
    client.force_login(resident)
    client.get("/accounts/me/")
    assert _mode() == GENERIC_PLANS
    client.force_login(national_admin)
    assert client.get("/manage/audit/?action=content.approve").status_code == 200
    assert _mode() == CUSTOM_PLANS
    client.get("/measures/")  # the next page switches back
    assert _mode() == GENERIC_PLANS


def test_sqlite_and_unprepared_connections_leave_the_middleware_out():
    from django.core.exceptions import MiddlewareNotUsed

    from kyoso.core.middleware import GenericPlansMiddleware

    if settings.GENERIC_PLANS:
        assert GenericPlansMiddleware(lambda request: None) is not None
    else:
        with pytest.raises(MiddlewareNotUsed):
            GenericPlansMiddleware(lambda request: None)
