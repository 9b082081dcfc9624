"""Facet counts say what a click lists: for every value of every facet, under other filters."""

import pytest
from django.http import QueryDict

from kyoso.directory import selectors
from kyoso.testing.factories import make_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def members():
    make_organisation(
        name="全国見守り協会",
        kana="ぜんこく",
        kind="national_org",
        scale="national",
        area="nationwide",
        municipalities=(),
        fields=("watching-over", "meals"),
    )
    make_organisation(
        name="東京買い物ネット",
        kana="とうきょうかいもの",
        kind="npo",
        scale="prefecture",
        area="prefectures",
        prefectures=("13",),
        municipalities=(),
        fields=("shopping",),
    )
    make_organisation(
        name="千代田見守りの会",
        kana="ちよだ",
        kind="residents",
        municipalities=("131016",),
        fields=("watching-over",),
    )
    make_organisation(
        name="大阪配食の会",
        kana="おおさか",
        kind="npo",
        area="prefectures",
        prefectures=("27",),
        municipalities=(),
        fields=("meals", "shopping"),
    )


def results(query: str):
    filters = selectors.parse_filters(QueryDict(query))
    return selectors.Results(filters)


CLICKS = {
    "kind": lambda q, v: f"{q}&kind={v}",
    "scale": lambda q, v: f"{q}&scale={v}",
    "field": lambda q, v: f"{q}&field={v}",
    "pref": lambda q, v: (
        "&".join(p for p in q.split("&") if not p.startswith(("pref=", "muni="))) + f"&pref={v}"
    ),
}


@pytest.mark.parametrize(
    "query", ["", "q=見守り", "pref=13", "field=meals", "kind=npo", "muni=131016", "q=会&pref=27"]
)
def test_every_facet_count_is_what_its_click_lists(members, query):
    facets = results(query).facets()
    for name, click in CLICKS.items():
        for value, count in facets[name].items():
            if name != "pref" and f"{name}={value}" in query:
                continue  # a ticked box shows its own count; clicking it unticks
            assert results(click(query, value)).total == count, (query, name, value)


def test_a_prefecture_counts_the_nationwide_members_its_click_lists(members):
    facets = results("").facets()
    assert facets["pref"]["13"] == 3  # 東京都 itself, 千代田区, and the nationwide member
    assert facets["pref"]["27"] == 2
    assert facets["pref"]["01"] == 1  # only the nationwide member works in 北海道
    local = results("local=1").facets()
    assert local["pref"]["13"] == 2 and local["pref"]["01"] == 0
