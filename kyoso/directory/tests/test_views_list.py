"""Finding organisations: region hierarchy, facets, sorting, bad input, export."""

import json

import pytest

from kyoso.testing.factories import make_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast(national, tokyo):
    return {
        "chiyoda": make_organisation(
            name="千代田見守りの会",
            kana="ちよだみまもりのかい",
            kind="residents",
            description="町内の見守り活動です。",
        ),
        "tokyo_all": make_organisation(
            name="東京買い物ネット",
            kana="とうきょうかいものねっと",
            kind="coop",
            scale="prefecture",
            area="prefectures",
            prefectures=("13",),
            municipalities=(),
            fields=("shopping",),
            description="都内の買い物支援です。",
        ),
        "national": make_organisation(
            name="全国配食協会",
            kana="ぜんこくはいしょくきょうかい",
            kind="national_org",
            scale="national",
            area="nationwide",
            municipalities=(),
            fields=("meals",),
            description="配食の全国団体です。",
            homepage="https://example.jp/",
            homepage_consent=False,
        ),
        "sapporo": make_organisation(
            name="札幌おでかけ応援",
            kana="さっぽろおでかけおうえん",
            municipalities=("011011",),
            fields=("mobility",),
            description="外出の付き添いです。",
        ),
        "pending": make_organisation(name="審査中の団体", kana="しんさちゅう", status="pending"),
    }


def names(response) -> set[str]:
    html = response.content.decode()
    return {
        n
        for n in (
            "千代田見守りの会",
            "東京買い物ネット",
            "全国配食協会",
            "札幌おでかけ応援",
            "審査中の団体",
        )
        if n in html
    }


def test_municipality_search_includes_prefecture_wide_and_national(client, cast):
    response = client.get("/directory/", {"muni": "131016"})
    assert names(response) == {"千代田見守りの会", "東京買い物ネット", "全国配食協会"}


def test_only_local_drops_wider_areas(client, cast):
    assert names(client.get("/directory/", {"muni": "131016", "local": "1"})) == {
        "千代田見守りの会"
    }
    assert names(client.get("/directory/", {"pref": "13", "local": "1"})) == {
        "千代田見守りの会",
        "東京買い物ネット",
    }


def test_prefecture_search_includes_municipal_members_inside_it(client, cast):
    assert names(client.get("/directory/", {"pref": "13"})) == {
        "千代田見守りの会",
        "東京買い物ネット",
        "全国配食協会",
    }


def test_a_ward_search_finds_organisations_of_its_designated_city(client, cast):
    sapporo_city = make_organisation(
        name="札幌市全域の会", kana="さっぽろし", municipalities=("011002",)
    )
    html = client.get("/directory/", {"muni": "011011"}).content.decode()
    assert sapporo_city.name in html
    assert "札幌おでかけ応援" in html


def test_field_and_kind_filters_and_facet_counts(client, cast):
    response = client.get("/directory/", {"field": "shopping"})
    assert names(response) == {"東京買い物ネット"}
    html = response.content.decode()
    assert 'value="coop" checked' not in html
    assert "協同組合（1）" in html  # kind facet under the field filter
    assert names(client.get("/directory/", {"kind": ["residents", "coop"]})) == {
        "千代田見守りの会",
        "東京買い物ネット",
    }


def test_keyword_search_in_japanese(client, cast):
    response = client.get("/directory/", {"q": "みまもり"})
    assert names(response) == {"千代田見守りの会"}
    assert "町内の<mark>見守り</mark>活動です。" in response.content.decode()
    assert names(client.get("/directory/", {"q": "かいもの", "pref": "13"})) == {"東京買い物ネット"}


def test_default_order_is_aiueo(client, cast):
    html = client.get("/directory/").content.decode()
    order = [
        html.index(n)
        for n in (
            "さっぽろおでかけおうえん",
            "ぜんこくはいしょくきょうかい",
            "ちよだみまもりのかい",
            "とうきょうかいものねっと",
        )
    ]
    assert order == sorted(order)


@pytest.mark.parametrize(
    "params",
    [
        {"muni": "999999"},
        {"muni": "abc"},
        {"pref": "48"},
        {"pref": "x"},
        {"field": "nothing"},
        {"kind": "emperor"},
        {"sort": "random"},
        {"page": "-3"},
        {"q": '" OR 1=1 --'},
        {"q": "x" * 500},
    ],
)
def test_bad_query_strings_are_ignored_not_500(client, cast, params):
    response = client.get("/directory/", params)
    assert response.status_code == 200


def test_empty_result_says_what_to_try(client, cast):
    html = client.get("/directory/", {"q": "該当しないことば"}).content.decode()
    assert "キーワードを短くする" in html


def test_htmx_gets_the_results_fragment(client, cast):
    html = client.get(
        "/directory/", {"pref": "13"}, headers={"HX-Request": "true"}
    ).content.decode()
    assert html.lstrip().startswith('<section id="directory-results"')


def test_platform_list_is_narrowed_to_its_platform(client, cast, tokyo):
    make_organisation(name="東京都版の団体", kana="とうきょうとばん", platform=tokyo)
    html = client.get("/p/tokyo/directory/").content.decode()
    assert "東京都版の団体" in html
    assert "全国配食協会" not in html


def test_list_query_count_is_bounded(client, cast, django_assert_max_num_queries):
    for i in range(25):
        make_organisation(name=f"団体{i}", kana=f"だんたい{i}")
    # Constant in the number of organisations: count, page, fetch, prefetches, facets, version.
    with django_assert_max_num_queries(18):
        client.get("/directory/", {"pref": "13"})


def test_profile_shows_homepage_only_with_consent_and_never_private_contact(client, cast):
    html = client.get(cast["national"].get_absolute_url()).content.decode()
    assert "https://example.jp/" not in html
    assert "秘密の連絡先" not in html
    cast["national"].homepage_consent = True
    cast["national"].save()
    assert "https://example.jp/" in client.get(cast["national"].get_absolute_url()).content.decode()


def test_stable_slug_url(client, cast):
    cast["chiyoda"].slug = "chiyoda-mimamori"
    cast["chiyoda"].save()
    assert client.get("/directory/chiyoda-mimamori/").status_code == 200
    assert client.get("/directory/no-such-slug/").status_code == 404


def test_export_has_no_private_fields_and_states_the_licence(client, cast):
    response = client.get("/directory/export.json")
    data = json.loads(response.content)
    assert data["license"] == "CC BY 4.0"
    assert {i["name"] for i in data["items"]} == {
        "千代田見守りの会",
        "東京買い物ネット",
        "全国配食協会",
        "札幌おでかけ応援",
    }
    assert "秘密" not in response.content.decode()
    csv_response = client.get("/directory/export.csv", {"pref": "13"})
    body = b"".join(csv_response.streaming_content).decode("utf-8-sig")
    assert body.splitlines()[0].startswith("id,name,name_kana")
    assert "札幌おでかけ応援" not in body
    assert "license" in csv_response["Link"]


def test_signed_in_visitors_are_never_served_a_cached_page(client, cast, resident):
    client.get("/directory/")
    client.force_login(resident)
    assert "ログアウト" in client.get("/directory/").content.decode()


def test_municipalities_are_chosen_by_name_after_the_prefecture(client, db):
    html = client.get("/directory/").content.decode()
    assert "市区町村コード" not in html and "先に都道府県を選んで" in html
    html = client.get("/directory/", {"pref": "13"}).content.decode()
    assert '<option value="131016">千代田区</option>' in html
    html = client.get("/directory/", {"pref": "13", "muni": "131016"}).content.decode()
    assert '<option value="131016" selected>千代田区</option>' in html
    # A municipality of another prefecture left over from an earlier choice gives way.
    html = client.get("/directory/", {"pref": "14", "muni": "131016"}).content.decode()
    assert '131016" selected' not in html and "神奈川県で活動" in html


def test_kept_lines_name_kinds_fields_and_prefectures_in_the_readers_language(national, tokyo):
    """A line kept after a Japanese page is read must still be named in English on the English
    page (and in Japanese again after it): rows are kept once for every language."""
    make_organisation(
        name="東京買い物ネット",
        kana="とうきょうかいものねっと",
        kind="coop",
        area="prefectures",
        prefectures=("13",),
        municipalities=(),
        fields=("shopping",),
    )
    from django.test import Client

    client = Client()
    japanese = client.get("/directory/").content.decode()
    assert "<li>買い物</li>" in japanese and '"area">都道府県</span> 東京都' in japanese
    english = client.get("/en/directory/").content.decode()
    assert "<li>Shopping</li>" in english and '"area">Prefecture</span> Tokyo' in english
    assert "<li>買い物</li>" not in english
    again = client.get("/directory/").content.decode()
    assert "<li>買い物</li>" in again and "<li>Shopping</li>" not in again
