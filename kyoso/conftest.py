"""Shared test set-up: reference data loaded once, and the cast of personas."""

import pytest

from kyoso.platforms.actions import platforms_ensure
from kyoso.regions.loader import load_reference_data
from kyoso.testing.personas import *  # noqa: F403 - fixtures are found by name


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_reference_data()
        platforms_ensure()


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path, request):
    """No rate limits, an empty cache and a throw-away media folder for every test."""
    from django.core.cache import caches

    from kyoso.regions import reference

    reference.clear()
    settings.ACCOUNT_RATE_LIMITS = False
    settings.MEDIA_ROOT = tmp_path / "media"
    uses_db = "db" in request.fixturenames or request.node.get_closest_marker("django_db")
    if uses_db and "transactional_db" not in request.fixturenames:
        request.getfixturevalue("db")
    for alias, config in settings.CACHES.items():
        if uses_db or not config["BACKEND"].endswith("DatabaseCache"):
            caches[alias].clear()


@pytest.fixture
def tokyo(db):
    from kyoso.platforms.models import Platform

    return Platform.objects.select_related("prefecture").get(slug="tokyo")


@pytest.fixture
def osaka(db):
    from kyoso.platforms.models import Platform

    return Platform.objects.select_related("prefecture").get(slug="osaka")


@pytest.fixture
def national(db):
    from kyoso.platforms.models import Platform

    return Platform.objects.national()
