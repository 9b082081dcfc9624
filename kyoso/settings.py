"""Kyoso settings, all from the environment (12-factor); the defaults give the embedded mode."""

import os
import sys
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("KYOSO_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")
TESTING = env_bool("KYOSO_TESTING") or "pytest" in sys.modules
# The key comes from SECRET_KEY, or from var/secret_key (`make run` writes a random one once,
# readable only by its owner, never committed). A well-known fallback exists only for DEBUG and
# tests: a production server without a key refuses to start rather than sign with a public key.
SECRET_KEY_FILE = VAR_DIR / "secret_key"


def _secret_key() -> str:
    key = os.environ.get("SECRET_KEY", "").strip()
    if key:
        return key
    try:
        key = SECRET_KEY_FILE.read_text(encoding="utf-8").strip()
    except OSError:
        key = ""
    if key:
        return key
    if DEBUG or TESTING:
        return "django-insecure-local-only-set-SECRET_KEY-in-production"
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        f"SECRET_KEY is not set and {SECRET_KEY_FILE} does not exist. Set SECRET_KEY in the "
        "environment, or run `make secret-key` (as `make run` does) to create a random key there."
    )


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS") or (
    [SITE_URL] if SITE_URL.startswith("https://") else []
)

INSTALLED_APPS = [
    "kyoso.core",
    "kyoso.accounts",
    "kyoso.regions",
    "kyoso.platforms",
    "kyoso.audit",
    "kyoso.moderation",
    "kyoso.search",
    "kyoso.news",
    "kyoso.directory",
    "kyoso.links",
    "kyoso.measures",
    "kyoso.events",
    "kyoso.notifications",
    "kyoso.board",
    "kyoso.cases",
    "kyoso.videos",
    "kyoso.local",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outermost of the page-making middleware: it rewrites the finished HTML (ふりがな).
    "kyoso.core.furigana.FuriganaMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "kyoso.core.middleware.AdminMFAMiddleware",
    "kyoso.core.middleware.TextSizeMiddleware",
    "kyoso.core.middleware.PrivacyHeadersMiddleware",
    "kyoso.core.middleware.GenericPlansMiddleware",
]

ROOT_URLCONF = "kyoso.urls"
WSGI_APPLICATION = "kyoso.wsgi.application"
AUTH_USER_MODEL = "accounts.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kyoso.core.context_processors.site",
            ],
            "builtins": [
                "django.templatetags.i18n",
                "django.contrib.humanize.templatetags.humanize",
                "kyoso.core.templatetags.kyoso",
            ],
        },
    }
]
FORM_RENDERER = "kyoso.core.forms.KyosoFormRenderer"

# --- Database: SQLite (WAL) by default, PostgreSQL when DATABASE_URL is set -------------------
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASE_URL = os.environ.get("DATABASE_URL", "")
GENERIC_PLANS = False
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
    if "postgresql" in DATABASES["default"]["ENGINE"] and env_bool(
        "DATABASE_PREPARED_STATEMENTS", True
    ):
        # Server-side binding, and a query seen five times on a connection is prepared: planning
        # the same few queries again and again cost PostgreSQL more than running them (a thread
        # page: ~2.4 ms of planning against ~0.4 ms of execution for its three queries). Set
        # DATABASE_PREPARED_STATEMENTS=0 behind a transaction-mode pooler without prepared
        # statement support (PgBouncer before 1.21).
        # A prepared statement may be run with a generic plan, made without the parameters'
        # values: for a query that filters on a skewed column and orders by another (the audit
        # log by action, newest first) that plan can read a whole table. So connections plan
        # each run for its values (force_custom_plan); pages switch to generic plans, except
        # staff pages (kyoso.core.middleware.GenericPlansMiddleware, use_plans).
        options = DATABASES["default"].setdefault("OPTIONS", {})
        options.update(
            server_side_binding=True,
            prepare_threshold=5,
            options=f"{options.get('options', '')} -c plan_cache_mode=force_custom_plan".strip(),
        )
        GENERIC_PLANS = True
else:
    DATABASES = {
        "default": {
            # Django's backend, converting each query's placeholders once (kyoso.core.sqlite).
            "ENGINE": "kyoso.core.sqlite",
            "NAME": os.environ.get("SQLITE_PATH", str(VAR_DIR / "kyoso.sqlite3")),
            # One connection per worker thread, kept: opening one (and its PRAGMAs) per request
            # cost more than many list pages' own queries.
            "CONN_MAX_AGE": None,
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": {
                # WAL: readers and one writer at once; IMMEDIATE: no failing lock upgrades.
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                    "PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;"
                ),
                "transaction_mode": "IMMEDIATE",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and sessions ------------------------------------------------------------------------
# `default` holds what must not be evicted by page traffic: allauth's login and sign-up rate-limit
# counters (and sessions in the scaled mode). Embedded: a database table shared by every worker
# (created by a migration). Scaled: Redis (give it `maxmemory-policy noeviction`, or a database of
# its own, so counters are never evicted). `pages` holds throw-away figures such as facet counts.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    _redis = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "kyoso"),
    }
    CACHES = {
        "default": _redis,
        "pages": {**_redis, "KEY_PREFIX": _redis["KEY_PREFIX"] + "-pages"},
        # Rendered layout fragments (footer, menus): the same on every worker; kept in process.
        "template_fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "kyoso_cache",
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5_000},
        },
        "template_fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# --- Tasks: run in-process by default; a database queue with a worker in the scaled mode --------
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate")
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks_db.DatabaseBackend"
            if TASKS_BACKEND == "database"
            else "django.tasks.backends.immediate.ImmediateBackend"
        ),
    }
}

# --- Accounts (django-allauth) -----------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_ADAPTER = "kyoso.accounts.adapter.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[生活支援共創プラットフォーム] "
# Behind a load balancer or reverse proxy, set TRUSTED_PROXY_COUNT to the number of proxies that
# append to X-Forwarded-For, so that per-IP limits count each visitor, not the proxy (0: direct).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0") or 0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/ip,5/5m/key",
    "signup": "20/h/ip",
    "reset_password": "5/h/ip,3/h/key",
    "confirm_email": "1/3m/key",
    # Applying to an event needs no account: a per-address limit keeps the forms from being
    # flooded (kyoso.events.views.event_apply).
    "event_application": "20/h/ip",
}
# Posting on the board: (scope, posts, seconds) windows per person and per network address.
# Largest uploaded video file (bytes); larger talks can be linked from YouTube or Vimeo.
VIDEO_MAX_BYTES = int(os.environ.get("VIDEO_MAX_BYTES", 1024 * 1024 * 1024))
BOARD_POST_LIMITS = [("user", 5, 600), ("user", 30, 86400), ("ip", 20, 600)]
# Days after an event ends before its applicants' names and contacts are erased
# (`manage.py purge_event_applications`, run daily).
EVENT_APPLICATION_RETENTION_DAYS = int(os.environ.get("EVENT_APPLICATION_RETENTION_DAYS", "30"))
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Kyoso"
LOGIN_REDIRECT_URL = "/accounts/me/"
LOGIN_URL = "account_login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# --- Mail ---------------------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "生活支援共創プラットフォーム <noreply@kyoso.example>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Django 6.1 configures mail with MAILERS (EMAIL_BACKEND and friends are deprecated).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", "")
if EMAIL_HOST:
    _mailer = {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": EMAIL_HOST,
            "port": int(os.environ.get("EMAIL_PORT", "25")),
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS"),
            "timeout": 10,
        },
    }
elif EMAIL_FILE_PATH:
    _mailer = {
        "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "OPTIONS": {"file_path": EMAIL_FILE_PATH},
    }
else:
    _mailer = {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
MAILERS = {"default": _mailer}
del EMAIL_HOST, EMAIL_FILE_PATH

# --- Internationalisation: Japanese first, English second -------------------------------------
LANGUAGE_CODE = "ja"
# Language names are shown in their own language, so they are not translated.
LANGUAGES = [("ja", "日本語"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Tokyo"
USE_I18N = True
USE_TZ = True

# --- Static files (WhiteNoise) ---------------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 3600
# Serve uploaded logos from Django (embedded mode); set to 0 when a web server or CDN serves them.
SERVE_LOGOS = env_bool("SERVE_LOGOS", True)
# Whole pages for anonymous visitors, answered before Django runs (kyoso.core.pagecache).
PAGE_CACHE = env_bool("PAGE_CACHE", True)
# Each server worker builds its in-memory lists in a thread when it starts (kyoso.wsgi).
WARM_INDEXES = env_bool("KYOSO_WARM_INDEXES", True)

# --- Security ---------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
HTTPS = SITE_URL.startswith("https://")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS and env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31536000 if HTTPS else 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
# Built-in Content-Security-Policy: no inline scripts or styles anywhere.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Data licence for open-data exports (CC BY 4.0 by default, like most Japanese government data).
OPEN_DATA_LICENSE = os.environ.get("OPEN_DATA_LICENSE", "CC BY 4.0")
OPEN_DATA_LICENSE_URL = os.environ.get(
    "OPEN_DATA_LICENSE_URL", "https://creativecommons.org/licenses/by/4.0/deed.ja"
)
CSRF_FAILURE_VIEW = "kyoso.core.views.csrf_failure"

ACCOUNT_FORMS = {
    "signup": "kyoso.accounts.forms.SignupForm",
    "login": "kyoso.accounts.forms.LoginForm",
    "reset_password": "kyoso.accounts.forms.ResetPasswordForm",
    "reset_password_from_key": "kyoso.accounts.forms.ResetPasswordKeyForm",
    "change_password": "kyoso.accounts.forms.ChangePasswordForm",
    "add_email": "kyoso.accounts.forms.AddEmailForm",
}
KYOSO_UPLOAD_SCANNER = os.environ.get("KYOSO_UPLOAD_SCANNER", "")
