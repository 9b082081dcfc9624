"""The shared cast (DESIGN §4): national admin, prefectural admin, moderator, organisation member,
coordinator, resident and the anonymous visitor. Staff personas have MFA set up."""

import pytest

from kyoso.accounts.models import User
from kyoso.platforms.models import Platform, PlatformRole

from .factories import UserFactory, grant

__all__ = [
    "anonymous",
    "coordinator",
    "moderator",
    "national_admin",
    "organisation_member",
    "prefectural_admin",
    "resident",
]


@pytest.fixture
def national_admin(db):
    user = UserFactory(email="national-admin@example.jp", persona=User.Persona.OFFICIAL)
    return grant(user, Platform.objects.national(), PlatformRole.Role.ADMIN)


@pytest.fixture
def prefectural_admin(db):
    """Admin of the Tokyo platform."""
    user = UserFactory(email="tokyo-admin@example.jp", persona=User.Persona.OFFICIAL)
    return grant(user, Platform.objects.get(slug="tokyo"), PlatformRole.Role.ADMIN)


@pytest.fixture
def moderator(db):
    """Moderator of the Osaka platform."""
    user = UserFactory(email="osaka-moderator@example.jp", persona=User.Persona.OFFICIAL)
    return grant(user, Platform.objects.get(slug="osaka"), PlatformRole.Role.MODERATOR)


@pytest.fixture
def organisation_member(db):
    return UserFactory(email="npo@example.jp", persona=User.Persona.ORGANISATION)


@pytest.fixture
def coordinator(db):
    return UserFactory(email="coordinator@example.jp", persona=User.Persona.COORDINATOR)


@pytest.fixture
def resident(db):
    return UserFactory(email="resident@example.jp", persona=User.Persona.RESIDENT)


@pytest.fixture
def anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()
