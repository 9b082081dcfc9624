"""Kept URL resolutions (kyoso.core.urlcache): the same answers as resolving every time."""

import pytest
from django.urls import Resolver404, get_resolver
from django.utils import translation


def test_the_root_resolver_keeps_what_it_resolved_and_answers_each_request_with_its_own_copy():
    resolver = get_resolver()
    kept = resolver.kept_resolutions
    kept.clear()
    with translation.override("ja"):
        first = resolver.resolve("/board/cross/9/")
        second = resolver.resolve("/board/cross/9/")
    assert len(kept) == 1
    assert first is not second and first.kwargs is not second.kwargs
    assert (first.func, first.kwargs, first.url_name, first.namespaces, first.route) == (
        second.func,
        second.kwargs,
        second.url_name,
        second.namespaces,
        second.route,
    )
    assert first.kwargs == {"board": "cross", "pk": 9}
    first.kwargs["pk"] = 10  # a view that changes its kwargs changes nothing kept
    with translation.override("ja"):
        assert resolver.resolve("/board/cross/9/").kwargs["pk"] == 9


def test_the_language_is_part_of_what_is_kept():
    resolver = get_resolver()
    resolver.kept_resolutions.clear()
    with translation.override("en"):
        english = resolver.resolve("/en/measures/")
        with pytest.raises(Resolver404):
            resolver.resolve("/en/en/measures/")
    with translation.override("ja"):
        japanese = resolver.resolve("/measures/")
        with pytest.raises(Resolver404):
            resolver.resolve("/en/measures/")  # under Japanese, /en/… is not a page
    assert english.url_name == japanese.url_name == "list"


def test_paths_that_do_not_resolve_are_never_kept():
    resolver = get_resolver()
    resolver.kept_resolutions.clear()
    with translation.override("ja"):
        for n in range(50):
            with pytest.raises(Resolver404):
                resolver.resolve(f"/no-such-page-{n}/")
    assert resolver.kept_resolutions == {}


@pytest.mark.django_db
def test_pages_answer_as_before(client):
    for _ in range(2):
        assert client.get("/measures/").status_code == 200
        assert client.get("/en/measures/").status_code == 200
        assert client.get("/no-such-page/").status_code == 404


def test_kept_reverse_answers_as_reverse_in_each_language_and_after_a_urlconf_change(settings):
    from django.urls import NoReverseMatch, reverse

    from kyoso.core.urlcache import _reversed, kept_reverse

    _reversed.clear()
    for language in ("ja", "en"):
        with translation.override(language):
            assert kept_reverse("board:index") == reverse("board:index")
            assert kept_reverse("board:board", board="cross") == reverse(
                "board:board", kwargs={"board": "cross"}
            )
            assert kept_reverse("board:board", board="cross") == reverse(
                "board:board", kwargs={"board": "cross"}
            )
    assert len(_reversed) == 4  # two names × two languages, each reversed once
    with translation.override("en"):
        assert kept_reverse("board:index").startswith("/en/")
    with pytest.raises(NoReverseMatch):
        kept_reverse("board:no-such-page")
    assert len(_reversed) == 4
    settings.ROOT_URLCONF = "kyoso.urls"  # any URLconf change empties what was kept
    assert _reversed == {}
