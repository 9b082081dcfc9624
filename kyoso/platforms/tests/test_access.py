"""Role checks in access.py, for every persona."""

import pytest

from kyoso.platforms.access import can_administer, can_moderate, moderated_platform_ids

pytestmark = pytest.mark.django_db


def test_national_admin_administers_every_platform(national_admin, tokyo, osaka, national):
    assert all(can_administer(national_admin, p) for p in (tokyo, osaka, national))
    assert moderated_platform_ids(national_admin) is None


def test_prefectural_admin_administers_only_their_prefecture(
    prefectural_admin, tokyo, osaka, national
):
    assert can_administer(prefectural_admin, tokyo)
    assert can_moderate(prefectural_admin, tokyo)
    assert not can_administer(prefectural_admin, osaka)
    assert not can_moderate(prefectural_admin, national)
    assert moderated_platform_ids(prefectural_admin) == {tokyo.pk}


def test_moderator_moderates_but_does_not_administer(moderator, osaka, tokyo):
    assert can_moderate(moderator, osaka)
    assert not can_administer(moderator, osaka)
    assert not can_moderate(moderator, tokyo)


@pytest.mark.parametrize("persona", ["resident", "coordinator", "organisation_member", "anonymous"])
def test_others_neither_moderate_nor_administer(request, persona, tokyo):
    user = request.getfixturevalue(persona)
    assert not can_moderate(user, tokyo)
    assert not can_administer(user, tokyo)


def test_there_is_one_platform_per_prefecture_and_a_national_one(db):
    from kyoso.platforms.models import Platform

    assert Platform.objects.count() == 48
    assert Platform.objects.prefectural().count() == 47
    assert Platform.objects.national().is_national
