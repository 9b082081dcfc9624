"""Text size (標準/大/特大) chosen by cookie, so the server renders it without JavaScript."""

TEXT_SIZE_COOKIE = "kyoso_text_size"
TEXT_SIZES = ("standard", "large", "xlarge")


class TextSizeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        size = request.COOKIES.get(TEXT_SIZE_COOKIE, "standard")
        request.text_size = size if size in TEXT_SIZES else "standard"
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
