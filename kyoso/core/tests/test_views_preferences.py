"""Text size and language switches work as plain links and forms (no JavaScript needed)."""

import pytest

pytestmark = pytest.mark.django_db


def test_text_size_is_remembered_in_a_cookie(client):
    response = client.post("/settings/text-size/", {"size": "xlarge", "next": "/p/tokyo/"})
    assert response.status_code == 302
    assert response["Location"] == "/p/tokyo/"
    assert response.cookies["kyoso_text_size"].value == "xlarge"
    html = client.get("/").content.decode()
    assert 'class="text-size-xlarge contrast-standard"' in html
    assert 'value="xlarge" class="site-chip-button" aria-pressed="true"' in html


def test_unknown_text_size_is_a_400(client):
    response = client.post("/settings/text-size/", {"size": "huge"})
    assert response.status_code == 400


def test_a_forged_cookie_falls_back_to_standard(client):
    client.cookies["kyoso_text_size"] = "<script>"
    html = client.get("/").content.decode()
    assert 'class="text-size-standard contrast-standard"' in html


def test_text_size_never_redirects_off_site(client):
    response = client.post(
        "/settings/text-size/", {"size": "large", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_text_size_needs_post(client):
    assert client.get("/settings/text-size/").status_code == 405


def test_english_pages_live_under_en(client):
    response = client.get("/en/p/tokyo/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en"' in html
    assert "Life Support Co-creation Platform" in html
    assert 'href="/p/tokyo/" lang="ja" hreflang="ja"' in html


def test_language_links_point_at_the_same_page(client):
    html = client.get("/p/tokyo/news/?page=1").content.decode()
    assert 'href="/en/p/tokyo/news/?page=1" lang="en" hreflang="en"' in html


def test_language_links_on_a_404_never_point_off_site(client):
    response = client.get("/", PATH_INFO="//evil.example/directory/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "evil.example" not in html
    assert 'href="/en/" lang="en" hreflang="en"' in html


def test_high_contrast_is_a_cookie_set_without_javascript(client):
    response = client.post("/settings/contrast/", {"contrast": "high", "next": "/directory/"})
    assert response.status_code == 302 and response["Location"] == "/directory/"
    assert response.cookies["kyoso_contrast"].value == "high"
    html = client.get("/").content.decode()
    assert 'class="text-size-standard contrast-high"' in html
    assert 'value="high" class="site-chip-button" aria-pressed="true"' in html
    assert client.post("/settings/contrast/", {"contrast": "neon"}).status_code == 400


def test_the_page_cache_keeps_contrast_apart():
    from django.test.client import RequestFactory

    from kyoso.core.pagecache import PageCacheMiddleware, Version

    cache = PageCacheMiddleware(lambda e, s: [], Version.__new__(Version), allowed_hosts=["*"])
    cache.version = type("V", (), {"current": lambda self: "1"})()
    base = RequestFactory()._base_environ(PATH_INFO="/", HTTP_HOST="testserver")
    plain = cache.key(base)
    high = cache.key({**base, "HTTP_COOKIE": "kyoso_contrast=high"})
    furigana = cache.key({**base, "HTTP_COOKIE": "kyoso_furigana=on"})
    assert plain and high and furigana and len({plain, high, furigana}) == 3
