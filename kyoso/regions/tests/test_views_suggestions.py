"""The municipality suggestions fragment used by pickers."""

import pytest

pytestmark = pytest.mark.django_db


def test_suggestions_by_name_reading_and_code(client):
    html = client.get("/regions/municipalities/", {"muni_q": "府中"}).content.decode()
    assert 'data-muni-add="東京都府中市"' in html and 'data-muni-add="広島県府中市"' in html
    assert (
        'data-muni-add="東京都千代田区"'
        in client.get("/regions/municipalities/", {"muni_q": "131016"}).content.decode()
    )


def test_no_match_says_so_and_bad_input_is_harmless(client):
    assert (
        "一致する市区町村はありません"
        in client.get("/regions/municipalities/", {"muni_q": "存在しない"}).content.decode()
    )
    assert client.get("/regions/municipalities/", {"muni_q": "%" * 100}).status_code == 200
    assert client.get("/regions/municipalities/").content.decode().strip() == ""
