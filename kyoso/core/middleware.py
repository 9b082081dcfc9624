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
