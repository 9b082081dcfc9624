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
