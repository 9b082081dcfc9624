"""Text size (標準/大/特大) chosen by cookie, so the server renders it without JavaScript."""

TEXT_SIZE_COOKIE = "kyoso_text_size"
TEXT_SIZES = ("standard", "large", "xlarge")
CONTRAST_COOKIE = "kyoso_contrast"
CONTRASTS = ("standard", "high")


class TextSizeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        size = request.COOKIES.get(TEXT_SIZE_COOKIE, "standard")
        request.text_size = size if size in TEXT_SIZES else "standard"
        contrast = request.COOKIES.get(CONTRAST_COOKIE, "standard")
        request.contrast = contrast if contrast in CONTRASTS else "standard"
        return self.get_response(request)


PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), "
    "magnetometer=(), gyroscope=(), accelerometer=(), interest-cohort=(), browsing-topics=()"
)


class PrivacyHeadersMiddleware:
    """Permissions-Policy on every response; pages rendered for a signed-in person are never
    stored by browsers or shared caches (they may show private data: history, contacts, queues)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and "Cache-Control" not in response:
            response["Cache-Control"] = "private, no-store"
        return response


class AdminMFAMiddleware:
    """/django-admin/ is behind the same two-factor requirement as the staff pages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings

        path = request.path_info
        if (
            "/django-admin/" in path
            and path.split("/django-admin/")[0] in ("", "/en")
            and getattr(settings, "KYOSO_REQUIRE_ADMIN_MFA", True)
            and request.user.is_authenticated
        ):
            from django.contrib import messages
            from django.shortcuts import redirect
            from django.utils.translation import gettext as _

            from kyoso.platforms.access import has_mfa

            if not has_mfa(request.user):
                messages.warning(
                    request,
                    _("管理サイトを使うには、二要素認証（認証アプリ）の設定が必要です。"),
                )
                return redirect("mfa_activate_totp")
        return self.get_response(request)


CUSTOM_PLANS, GENERIC_PLANS = "force_custom_plan", "auto"


class GenericPlansMiddleware:
    """PostgreSQL with prepared statements (settings.GENERIC_PLANS_FOR_ANONYMOUS): connections
    start planning every run for its parameters (force_custom_plan); an anonymous request lets
    PostgreSQL reuse a prepared statement's generic plan (auto), which saves the planning that
    cost a list or thread page more than running its queries. Anonymous pages read rows by key
    (the in-memory lists, kyoso.core.prepared), so one plan fits every value; signed-in and staff
    pages filter on skewed columns (a user's notifications, the audit log by action), where a
    generic plan can scan a whole table. The mode is set only when the connection's differs:
    at most one statement when a worker goes from one kind of request to the other."""

    def __init__(self, get_response):
        from django.conf import settings
        from django.core.exceptions import MiddlewareNotUsed

        if not getattr(settings, "GENERIC_PLANS_FOR_ANONYMOUS", False):
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        from django.db import connection

        user = getattr(request, "user", None)
        wanted = CUSTOM_PLANS if user is not None and user.is_authenticated else GENERIC_PLANS
        connection.ensure_connection()
        raw = connection.connection  # a new connection starts with CUSTOM_PLANS (settings)
        # On psycopg's own connection: a setting, not one of the page's queries (query counts
        # and debug logs stay the page's). One of two constants, never user input.
        if connection.in_atomic_block:
            # A SET inside a transaction is undone by its rollback (tests run in one): set the
            # mode for this request and keep no note of it.
            raw.execute(f"SET plan_cache_mode = {wanted}")
        elif getattr(raw, "kyoso_plan_mode", CUSTOM_PLANS) != wanted:
            raw.execute(f"SET plan_cache_mode = {wanted}")
            raw.kyoso_plan_mode = wanted
        return self.get_response(request)
