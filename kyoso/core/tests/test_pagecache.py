"""The anonymous whole-page cache in front of Django, and its invalidation on every change."""

import contextlib

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.test.client import RequestFactory

from kyoso.core.pagecache import STORE_HEADER, PageCacheMiddleware, Version


def call(app, path="/directory/", query="", cookie="", method="GET", **extra):
    environ = RequestFactory()._base_environ(
        PATH_INFO=path, QUERY_STRING=query, REQUEST_METHOD=method, HTTP_COOKIE=cookie, **extra
    )
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen["status"], seen["headers"] = status, headers

    body = b"".join(app(environ, start_response))
    return seen["status"], dict(seen["headers"]), body


@contextlib.contextmanager
def kept_connection():
    """Run Django's WSGI handler inside a test's transaction: as Django's test client does, the
    test's database connection stays open between requests (a request's start and end would
    otherwise close it, since it is not in autocommit mode)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@contextlib.contextmanager
def cached_site(tmp_path, settings):
    """The site (Django's own handler) behind the page cache, with a version file of the test's
    own and the test's connection kept open between requests."""
    from kyoso.core import cache as page_cache

    settings.VAR_DIR = tmp_path
    page_cache._version = None
    try:
        with kept_connection():
            yield PageCacheMiddleware(
                WSGIHandler(), page_cache.page_version(), allowed_hosts=["testserver"]
            )
    finally:
        page_cache._version = None


class Counter:
    """A WSGI app that counts how often it runs."""

    def __init__(self, headers=(("Content-Type", "text/html"), (STORE_HEADER, "1"))):
        self.calls, self.headers = 0, list(headers)

    def __call__(self, environ, start_response):
        self.calls += 1
        start_response("200 OK", self.headers)
        return [f"page {self.calls}".encode()]


def test_marked_pages_are_served_without_running_the_app(tmp_path):
    app = Counter()
    cached = PageCacheMiddleware(app, Version(tmp_path / "v"), allowed_hosts=["testserver"])
    first = call(cached)
    second = call(cached)
    assert app.calls == 1
    assert first[2] == second[2] == b"page 1"
    assert STORE_HEADER not in first[1] and STORE_HEADER not in second[1]
    call(cached, query="pref=13")
    assert app.calls == 2  # another URL is another page


def test_a_change_invalidates_every_cached_page(tmp_path):
    app, version = Counter(), Version(tmp_path / "v")
    cached = PageCacheMiddleware(app, version, allowed_hosts=["testserver"])
    call(cached)
    version.bump()
    assert call(cached)[2] == b"page 2"


@pytest.mark.parametrize(
    ("cookie", "method"),
    [
        ("sessionid=abc", "GET"),
        ('a"b; sessionid=abc', "GET"),
        ("messages=xyz", "GET"),
        ("", "POST"),
    ],
)
def test_signed_in_visitors_and_posts_always_reach_django(tmp_path, cookie, method):
    app = Counter()
    cached = PageCacheMiddleware(app, Version(tmp_path / "v"), allowed_hosts=["testserver"])
    call(cached, cookie=cookie, method=method)
    call(cached, cookie=cookie, method=method)
    assert app.calls == 2


def test_unmarked_or_cookie_setting_responses_are_not_stored(tmp_path):
    for headers in ([("Content-Type", "text/html")], [(STORE_HEADER, "1"), ("Set-Cookie", "a=b")]):
        app = Counter(headers)
        cached = PageCacheMiddleware(app, Version(tmp_path / "v"), allowed_hosts=["testserver"])
        call(cached)
        call(cached)
        assert app.calls == 2


def test_text_size_is_part_of_the_key(tmp_path):
    app = Counter()
    cached = PageCacheMiddleware(app, Version(tmp_path / "v"), allowed_hosts=["testserver"])
    call(cached, cookie="kyoso_text_size=xlarge")
    call(cached, cookie="kyoso_text_size=standard")
    assert app.calls == 2


@pytest.mark.django_db(transaction=True)
def test_the_directory_is_fresh_after_a_publication(tmp_path, settings):
    """End to end through Django: cached list, a new organisation, the list shows it."""
    from kyoso.platforms.actions import platforms_ensure
    from kyoso.regions.loader import load_reference_data
    from kyoso.testing.factories import make_organisation

    load_reference_data()
    platforms_ensure()
    with cached_site(tmp_path, settings) as app:
        make_organisation(
            name="最初の団体",
            kana="さいしょ",
            area="prefectures",
            prefectures=("13",),
            municipalities=(),
        )
        assert "最初の団体" in call(app, query="pref=13")[2].decode()
        make_organisation(
            name="新しく公開された団体",
            kana="あたらしい",
            area="prefectures",
            prefectures=("13",),
            municipalities=(),
        )
        assert "新しく公開された団体" in call(app, query="pref=13")[2].decode()


def test_memory_is_bounded(tmp_path, monkeypatch):
    from kyoso.core import pagecache

    monkeypatch.setattr(pagecache, "MAX_BYTES", 20)
    app = Counter()
    cached = PageCacheMiddleware(app, Version(tmp_path / "v"), allowed_hosts=["testserver"])
    for i in range(10):
        call(cached, query=f"page={i}")
    assert cached.bytes <= 20
    assert len(cached.entries) <= 3


def test_pages_expire_at_midnight_japan_time(tmp_path, monkeypatch):
    app = Counter()
    cached = PageCacheMiddleware(app, Version(tmp_path / "v"), allowed_hosts=["testserver"])
    call(cached)
    monkeypatch.setattr(cached, "today", lambda: "2099-01-01")
    call(cached)
    assert app.calls == 2


def test_unknown_hosts_and_plain_http_under_https_never_get_a_cached_copy(tmp_path):
    app = Counter()
    cached = PageCacheMiddleware(
        app,
        Version(tmp_path / "v"),
        allowed_hosts=["kyoso.example"],
        ssl_redirect=True,
        proxy_ssl_header=("HTTP_X_FORWARDED_PROTO", "https"),
    )
    https = {"HTTP_HOST": "kyoso.example", "HTTP_X_FORWARDED_PROTO": "https"}
    call(cached, **https)
    call(cached, **https)
    assert app.calls == 1  # cached for HTTPS on the real host
    call(cached, HTTP_HOST="kyoso.example")  # plain HTTP: Django must redirect it
    call(cached, HTTP_HOST="evil.example", HTTP_X_FORWARDED_PROTO="https")  # Django answers 400
    assert app.calls == 3


def test_the_site_redirects_http_and_refuses_unknown_hosts_after_a_cached_https_page(
    settings, db, tmp_path
):
    settings.ALLOWED_HOSTS = ["kyoso.example"]
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    app = PageCacheMiddleware(
        WSGIHandler(),
        Version(tmp_path / "v"),
        allowed_hosts=settings.ALLOWED_HOSTS,
        ssl_redirect=True,
        proxy_ssl_header=settings.SECURE_PROXY_SSL_HEADER,
    )
    https = {"HTTP_HOST": "kyoso.example", "HTTP_X_FORWARDED_PROTO": "https"}
    with kept_connection():
        assert call(app, **https)[0].startswith("200")
        assert call(app, HTTP_HOST="kyoso.example")[0].startswith("301")
        bad_host = call(app, HTTP_HOST="evil.example", HTTP_X_FORWARDED_PROTO="https")
        assert bad_host[0].startswith("400")


def test_a_page_marked_with_a_time_is_cached_until_then(tmp_path, monkeypatch):
    """A view that shows a deadline marks its page with the moment it passes: the copy is
    served until then, and the page is made again after it."""
    import kyoso.core.pagecache as pagecache

    now = [1_000_000.0]
    monkeypatch.setattr(pagecache.time, "time", lambda: now[0])
    app = Counter(headers=(("Content-Type", "text/html"), (STORE_HEADER, "1000060.000")))
    cached = PageCacheMiddleware(app, Version(tmp_path / "v"), allowed_hosts=["testserver"])
    assert call(cached)[2] == b"page 1"
    now[0] += 59
    assert call(cached)[2] == b"page 1"
    now[0] += 1
    assert call(cached)[2] == b"page 2"  # the deadline has passed: made again
    assert call(cached)[2] == b"page 3"  # and a copy already out of date is not kept
    assert STORE_HEADER not in call(cached)[1]
