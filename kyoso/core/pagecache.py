"""A whole-page cache for anonymous visitors that answers before Django runs.

Views opt in with `cache_anonymous_page` (kyoso.core.cache), which marks their response; this WSGI
wrapper stores marked responses in a per-process LRU and serves later identical requests from it
without entering Django at all. Every content change bumps a version (a file's modification time
in the embedded mode, a Redis counter when REDIS_URL is set) that is part of every key, so a
publish or an edit invalidates the cached pages of every worker at once."""

import contextlib
import datetime
import hashlib
import os
import threading
import time
from collections import OrderedDict
from pathlib import Path
from zoneinfo import ZoneInfo

from django.http.cookie import parse_cookie

STORE_HEADER = "X-Kyoso-Page-Cache"  # "1", or the Unix time the copy is good until
MAX_ENTRIES = 2000
MAX_BODY = 512 * 1024
MAX_BYTES = 64 * 1024 * 1024  # per worker process


class Version:
    """The content version shared by all workers."""

    def __init__(self, path: Path, redis_url: str = ""):
        self.path = path
        self.redis = None
        if redis_url:
            import redis

            self.redis = redis.Redis.from_url(redis_url, socket_timeout=0.5)

    def current(self) -> str:
        if self.redis is not None:
            try:
                return str(self.redis.get("kyoso:pagecache:version") or b"0")
            except Exception:
                return ""
        try:
            stat = os.stat(self.path)
        except FileNotFoundError:
            return "0"
        return f"{stat.st_mtime_ns}-{stat.st_ino}"  # each bump writes a new file

    def bump(self) -> None:
        if self.redis is not None:
            # If Redis is briefly unreachable, the next successful bump invalidates the pages.
            with contextlib.suppress(Exception):
                self.redis.incr("kyoso:pagecache:version")
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # A new name, then rename: the modification time changes atomically for every reader.
        tmp = self.path.with_suffix(f".{os.getpid()}.{threading.get_ident()}")
        tmp.write_text(str(os.getpid()))
        os.replace(tmp, self.path)


class PageCacheMiddleware:
    def __init__(
        self,
        app,
        version: Version,
        session_cookie: str = "sessionid",
        time_zone: str = "Asia/Tokyo",
        allowed_hosts: list[str] | None = None,
        ssl_redirect: bool = False,
        proxy_ssl_header: tuple[str, str] | None = None,
    ):
        self.app = app
        # The cache answers before Django, so it repeats Django's own first checks: an unknown
        # Host or a plain-HTTP request that must be redirected goes to Django, never to a copy.
        self.allowed_hosts = list(allowed_hosts or [])
        self.ssl_redirect = ssl_redirect
        self.proxy_ssl_header = proxy_ssl_header
        self.version = version
        self.session_cookie = session_cookie
        self.zone = ZoneInfo(time_zone)
        # key -> (status, headers, body, the Unix time it expires or None)
        self.entries: OrderedDict[str, tuple[str, list, bytes, float | None]] = OrderedDict()
        self.bytes = 0
        self.lock = threading.Lock()

    def today(self) -> str:
        """Pages that count days (受付中 あと3日) change at midnight, Japan time."""
        return datetime.datetime.now(self.zone).date().isoformat()

    def scheme(self, environ) -> str:
        if self.proxy_ssl_header:
            header, value = self.proxy_ssl_header
            if environ.get(header, "").split(",")[0].strip() == value:
                return "https"
        return environ.get("wsgi.url_scheme", "http")

    def host(self, environ) -> str | None:
        from django.http.request import split_domain_port, validate_host

        raw = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
        domain, _port = split_domain_port(raw.lower())
        if not domain or not validate_host(domain, self.allowed_hosts):
            return None
        return raw.lower()

    def key(self, environ) -> str | None:
        if environ.get("REQUEST_METHOD") != "GET":
            return None
        host = self.host(environ)
        scheme = self.scheme(environ)
        if host is None or (self.ssl_redirect and scheme != "https"):
            return None
        # Django's own cookie parser, so this sees exactly the cookies Django would see.
        cookies = parse_cookie(environ.get("HTTP_COOKIE", ""))
        if self.session_cookie in cookies or "messages" in cookies:
            return None
        size = "/".join(
            cookies.get(name, "")
            for name in ("kyoso_text_size", "kyoso_contrast", "kyoso_furigana")
        )
        raw = "|".join(
            [
                self.version.current(),
                self.today(),
                scheme,
                host,
                environ.get("PATH_INFO", ""),
                environ.get("QUERY_STRING", ""),
                size,
                environ.get("HTTP_HX_REQUEST", ""),
            ]
        )
        return hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()

    def __call__(self, environ, start_response):
        key = self.key(environ)
        if key is not None:
            with self.lock:
                hit = self.entries.get(key)
                if hit is not None:
                    if hit[3] is not None and time.time() >= hit[3]:
                        del self.entries[key]  # a deadline on the page has passed
                        self.bytes -= len(hit[2])
                        hit = None
                    else:
                        self.entries.move_to_end(key)
            if hit is not None:
                status, headers, body, _expires = hit
                start_response(status, headers)
                return [body]
        captured = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers
            clean = [(k, v) for k, v in headers if k != STORE_HEADER]
            return (
                start_response(status, clean, exc_info)
                if exc_info
                else start_response(status, clean)
            )

        result = self.app(environ, capture)
        headers = captured.get("headers", [])
        mark = next((v for k, v in headers if k == STORE_HEADER), None)
        expires = None if mark in (None, "1") else float(mark)
        cookie_set = any(k.lower() == "set-cookie" for k, _v in headers)
        if (
            key is None
            or mark is None
            or cookie_set
            or not captured.get("status", "").startswith("200")
            or (expires is not None and time.time() >= expires)
        ):
            return result
        body = b"".join(result)
        if hasattr(result, "close"):
            result.close()
        if len(body) <= MAX_BODY:
            stored = [(k, v) for k, v in headers if k != STORE_HEADER]
            with self.lock:
                previous = self.entries.pop(key, None)
                if previous is not None:
                    self.bytes -= len(previous[2])
                self.entries[key] = (captured["status"], stored, body, expires)
                self.bytes += len(body)
                while len(self.entries) > MAX_ENTRIES or self.bytes > MAX_BYTES:
                    _key, (_s, _h, old, _e) = self.entries.popitem(last=False)
                    self.bytes -= len(old)
        return [body]
