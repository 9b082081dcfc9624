"""The municipality suggestions fragment used by pickers."""

import pytest

pytestmark = pytest.mark.django_db


def test_suggestions_by_name_reading_and_code(client):
    html = client.get("/regions/municipalities/", {"muni_q": "府中"}).content.decode()
    assert 'data-muni-label="東京都府中市"' in html and 'data-muni-label="広島県府中市"' in html
    assert (
        'data-muni-pick="131016" data-muni-label="東京都千代田区"'
        in client.get("/regions/municipalities/", {"muni_q": "ちよだ"}).content.decode()
    )


def test_no_match_says_so_and_bad_input_is_harmless(client):
    assert (
        "一致する市区町村はありません"
        in client.get("/regions/municipalities/", {"muni_q": "存在しない"}).content.decode()
    )
    assert client.get("/regions/municipalities/", {"muni_q": "%" * 100}).status_code == 200
    assert client.get("/regions/municipalities/").content.decode().strip() == ""


def test_readings_names_and_prefixes_find_the_municipality():
    from kyoso.regions.reference import search_municipalities

    for query in ("ちよだ", "チヨダ", "ﾁﾖﾀﾞ", "千代田", "千代田区", "東京都千代田", " ちよ だ "):
        assert search_municipalities(query)[0][2] == "東京都千代田区", query
    fuchu = [label for _code, _pref, label in search_municipalities("府中")]
    assert fuchu[:2] == ["東京都府中市", "広島県府中市"]
    assert search_municipalities("342084")[0][2] == "広島県府中市"
    assert search_municipalities("") == [] and search_municipalities("%%") == []


def test_suggestion_links_keep_the_lists_other_filters(client):
    html = client.get(
        "/regions/municipalities/",
        {
            "muni_q": "ちよだ",
            "link": "1",
            "path": "/directory/",
            "q": "見守り",
            "pref": "01",
            "muni": "011002",
            "page": "3",
            "field": "shopping",
        },
    ).content.decode()
    assert (
        'href="/directory/?q=%E8%A6%8B%E5%AE%88%E3%82%8A&amp;field=shopping&amp;pref=13&amp;muni=131016"'
        in html
    )
    evil = client.get(
        "/regions/municipalities/", {"muni_q": "ちよだ", "link": "1", "path": "//evil.example/"}
    ).content.decode()
    assert "evil.example" not in evil and 'href="/?pref=13&amp;muni=131016"' in evil
