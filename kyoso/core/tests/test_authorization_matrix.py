"""Every state-changing URL (and every private page) × every role → the expected outcome.

Rows live with each app in `kyoso/<app>/tests/authz.py`; a URL of the site that has no row and is
not listed as public fails `test_every_url_has_rows`, so a new section cannot forget its checks."""

import importlib
import pkgutil

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import kyoso
from kyoso.testing import authz
from kyoso.testing.world import build_world

pytestmark = pytest.mark.django_db


def _modules():
    for info in pkgutil.iter_modules(kyoso.__path__):
        try:
            yield importlib.import_module(f"kyoso.{info.name}.tests.authz")
        except ModuleNotFoundError:
            continue


ROWS = [row for module in _modules() for row in module.ROWS]
PUBLIC = set().union(*(getattr(module, "PUBLIC", set()) for module in _modules()))


def site_url_names() -> set[str]:
    names = set()

    def walk(patterns, namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and pattern.callback.__module__.startswith(
                "kyoso."
            ):
                names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver().url_patterns)
    return names


def test_every_url_has_rows():
    covered = {row.name for row in ROWS} | PUBLIC
    missing = site_url_names() - covered
    assert not missing, f"add authorisation rows (kyoso/<app>/tests/authz.py) for {sorted(missing)}"
    assert not ({row.name for row in ROWS} & PUBLIC), "a URL is both public and in the matrix"


def outcome(response) -> str:
    if response.status_code in (403, 404):
        return authz.DENY
    if response.status_code == 302 and "/accounts/login/" in response["Location"]:
        return authz.LOGIN
    assert response.status_code < 500
    return authz.OK


@pytest.mark.parametrize("role", authz.ROLES)
@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.name)
def test_authorisation_matrix(client, row, role):
    world = build_world()
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    url = reverse(row.name, kwargs=row.kwargs(world))
    response = getattr(client, row.method)(url, row.data)
    assert outcome(response) == row.expected(role), (
        f"{row.name} as {role}: {response.status_code} {response.get('Location', '')}"
    )
