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


def use_plans(mode: str) -> None:
    """PostgreSQL with prepared statements (settings.GENERIC_PLANS): let prepared statements on
    this thread's connection run with their generic plans (GENERIC_PLANS) or plan every run for
    its parameters (CUSTOM_PLANS, which connections start with). Set only when the connection's
    mode differs: at most one statement when a worker goes from one kind of page to the other."""
    from django.conf import settings
    from django.db import connection

    if not settings.GENERIC_PLANS:
        return
    connection.ensure_connection()
    raw = connection.connection
    # On psycopg's own connection: a setting, not one of the page's queries (query counts and
    # debug logs stay the page's). One of two constants, never user input.
    if connection.in_atomic_block:
        # A SET inside a transaction is undone by its rollback (tests run in one): set the mode
        # for this request and keep no note of it.
        raw.execute(f"SET plan_cache_mode = {mode}")
    elif getattr(raw, "kyoso_plan_mode", CUSTOM_PLANS) != mode:
        raw.execute(f"SET plan_cache_mode = {mode}")
        raw.kyoso_plan_mode = mode


class GenericPlansMiddleware:
    """Pages may reuse a prepared statement's generic plan, which saves the planning that cost a
    list or thread page more than running its queries (their queries read by key: the in-memory
    lists, kyoso.core.prepared, a member's own rows). Staff pages (kyoso.core.decorators.
    staff_required) filter on skewed columns with newest-first limits (the audit log by action,
    queues by state), where a generic plan made without the value can read a whole table: they
    plan each run (use_plans(CUSTOM_PLANS)), as connections do outside requests."""

    def __init__(self, get_response):
        from django.conf import settings
        from django.core.exceptions import MiddlewareNotUsed

        if not getattr(settings, "GENERIC_PLANS", False):
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        use_plans(GENERIC_PLANS)
        return self.get_response(request)
