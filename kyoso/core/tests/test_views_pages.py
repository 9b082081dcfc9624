"""Site-wide pages: home, prefectural homes, 準備中 sections, policies, errors and the layout."""

import re

import pytest
from django.urls import reverse

from kyoso.core.sections import SECTIONS

pytestmark = pytest.mark.django_db


def test_home_offers_the_three_corners_and_47_platforms(client):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    for corner in ("つながる", "知る", "うまれる"):
        assert corner in html
    for block in ("北海道・東北", "関東", "中部", "近畿", "中国", "四国", "九州・沖縄"):
        assert block in html
    assert html.count('href="/p/') == 47


def test_home_marks_active_prefectural_platforms(client, tokyo):
    tokyo.is_active = True
    tokyo.save()
    html = client.get("/").content.decode()
    assert re.search(
        r'href="/p/tokyo/">東京都</a> <span class="site-badge" data-type="active">運用中', html
    )
    assert not re.search(r'href="/p/osaka/">大阪府</a> <span class="site-badge"', html)


def test_prefectural_home(client):
    response = client.get("/p/hokkaido/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "北海道版 生活支援共創プラットフォーム" in html
    assert 'href="/p/hokkaido/directory/"' in html


def test_unknown_prefecture_gives_the_sites_own_404(client):
    response = client.get("/p/atlantis/")
    assert response.status_code == 404
    assert "ページが見つかりません" in response.content.decode()


def test_national_slug_has_no_prefectural_page(client):
    assert client.get("/p/national/").status_code == 404


@pytest.mark.parametrize("section", [s for s in SECTIONS if not s.is_ready], ids=lambda s: s.key)
def test_sections_not_built_yet_say_so_honestly(client, section):
    for url in (section.url(), f"/p/osaka/{section.key}/"):
        response = client.get(url)
        assert response.status_code == 200
        assert "このコーナーは準備中です" in response.content.decode()


@pytest.mark.parametrize("url", ["/accessibility/", "/privacy/", "/terms/"])
def test_policy_pages(client, url):
    response = client.get(url)
    assert response.status_code == 200


def test_accessibility_policy_states_the_target(client):
    html = client.get("/accessibility/").content.decode()
    assert "JIS X 8341-3:2016" in html
    assert "適合レベル AA" in html


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/p/tokyo/",
        "/news/",
        "/accessibility/",
        "/accounts/login/",
        "/accounts/signup/",
        "/search/",
        "/directory/",
    ],
)
def test_every_page_has_the_accessible_layout(client, url):
    html = client.get(url).content.decode()
    assert '<html lang="ja"' in html
    assert html.index('class="site-skip-link" href="#main"') < html.index("<main")
    assert html.count("<main") == 1
    assert len(re.findall(r"<h1[ >]", html)) == 1
    assert 'role="search"' in html
    assert re.search(r"<title>[^<]+ \| 生活支援共創プラットフォーム</title>", html)
    assert "<script>" not in html  # CSP: no inline scripts


def test_security_headers(client):
    response = client.get("/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_breadcrumb_marks_the_current_page_without_a_link(client):
    html = client.get("/p/tokyo/").content.decode()
    assert '<span aria-current="page">東京都</span>' in html


def test_search_page_finds_published_notices(client, national):
    from kyoso.search.engine import index_object
    from kyoso.testing.factories import NoticeFactory

    index_object(NoticeFactory(published=True, platform=national, title="介護予防の研修会"))
    response = client.get(reverse("search:search"), {"q": "介護"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "介護予防の研修会" in html
    assert "1 件あります" in html
    assert 'value="介護"' in html


def test_search_without_matches_says_what_to_try(client):
    html = client.get("/search/", {"q": "存在しない言葉"}).content.decode()
    assert "一致するものが見つかりませんでした" in html


def test_search_query_is_escaped(client):
    html = client.get("/search/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in html


def test_cached_header_carries_each_requests_own_values(client):
    """The header is one cached fragment per state; its per-request parts (the search words, the
    `next` of the preference forms, the other language's URL) are filled in for each request."""
    first = client.get("/search/", {"q": "見守り"}).content.decode()
    second = client.get("/search/", {"q": '<b>"買い物'}).content.decode()
    assert 'id="site-search-q" class="dads-input-text" type="search" name="q" value="見守り"' in (
        first
    )
    assert 'value="&lt;b&gt;&quot;買い物"' in second
    assert "見守り" not in second.split("</header>")[0]
    assert 'name="next" value="/search/?q=%3Cb%3E%22%E8%B2%B7%E3%81%84%E7%89%A9"' in second
    assert 'href="/en/search/?q=%3Cb%3E%22%E8%B2%B7%E3%81%84%E7%89%A9"' in second
    assert "\x00" not in first + second
