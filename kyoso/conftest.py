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
def _isolated(settings, tmp_path):
    """No rate limits, an empty cache and a throw-away media folder for every test."""
    from django.core.cache import cache

    settings.ACCOUNT_RATE_LIMITS = False
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()


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
