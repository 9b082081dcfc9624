"""Site-wide pages: national home, 準備中 sections, policies, text size, errors."""

from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from kyoso.core.cache import cache_anonymous_page
from kyoso.platforms.selectors import platforms_by_block

from .blocks import NATIONAL_HOME, blocks_for
from .furigana import FURIGANA_COOKIE
from .middleware import CONTRAST_COOKIE, CONTRASTS, TEXT_SIZE_COOKIE, TEXT_SIZES
from .sections import SECTIONS_BY_KEY, corners_with_sections

ONE_YEAR = 365 * 24 * 3600


@cache_anonymous_page
def home(request):
    return render(
        request,
        "core/home.html",
        {
            "corners": corners_with_sections(),
            "blocks": platforms_by_block(),
            "contributed": blocks_for(NATIONAL_HOME),
        },
    )


@cache_anonymous_page
def coming_soon(request, section: str, platform=None):
    entry = SECTIONS_BY_KEY.get(section)
    if entry is None:
        raise Http404(section)
    crumbs = []
    if platform is not None:
        crumbs.append((platform.short_name(), platform.get_absolute_url()))
    crumbs.append((entry.title, None))
    return render(
        request,
        "core/coming_soon.html",
        {"section": entry, "platform": platform, "breadcrumbs": crumbs},
    )


@cache_anonymous_page
def policy(request, page: str):
    titles = {
        "accessibility": _("ウェブアクセシビリティ方針"),
        "privacy": _("プライバシーポリシー"),
        "terms": _("利用規約"),
    }
    return render(
        request,
        f"core/policy_{page}.html",
        {"title": titles[page], "breadcrumbs": [(titles[page], None)]},
    )


def safe_next(request, fallback: str = "/") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@csrf_exempt
@require_POST
def set_text_size(request):
    """標準/大/特大: a plain form POST (works without JavaScript), remembered in a cookie.

    Exempt from CSRF on purpose: anonymous pages are cached whole, so the form in their header
    cannot carry a per-visitor token, and a forged request can only change a display preference
    (it never leaves this site: `next` is checked)."""
    size = request.POST.get("size", "")
    if size not in TEXT_SIZES:
        return HttpResponseBadRequest(_("文字サイズの指定が正しくありません。"))
    response = redirect(safe_next(request))
    response.set_cookie(
        TEXT_SIZE_COOKIE, size, max_age=ONE_YEAR, samesite="Lax", secure=request.is_secure()
    )
    return response


@csrf_exempt
@require_POST
def set_contrast(request):
    """標準 / 高コントラスト: like the text size, a plain form POST remembered in a cookie
    (CSRF-exempt for the same reason: it only changes how this visitor's pages look)."""
    contrast = request.POST.get("contrast", "")
    if contrast not in CONTRASTS:
        return HttpResponseBadRequest(_("色の指定が正しくありません。"))
    response = redirect(safe_next(request))
    response.set_cookie(
        CONTRAST_COOKIE, contrast, max_age=ONE_YEAR, samesite="Lax", secure=request.is_secure()
    )
    return response


@csrf_exempt
@require_POST
def set_furigana(request):
    """ふりがな あり / なし: a plain form POST remembered in a cookie, like the text size
    (CSRF-exempt for the same reason). kyoso.core.furigana adds the readings."""
    furigana = request.POST.get("furigana", "")
    if furigana not in ("on", "off"):
        return HttpResponseBadRequest(_("ふりがなの指定が正しくありません。"))
    response = redirect(safe_next(request))
    response.set_cookie(
        FURIGANA_COOKIE, furigana, max_age=ONE_YEAR, samesite="Lax", secure=request.is_secure()
    )
    return response


def error_404(request, exception):
    return render(
        request, "404.html", {"breadcrumbs": [(_("ページが見つかりません"), None)]}, status=404
    )


def error_403(request, exception):
    return render(
        request, "403.html", {"breadcrumbs": [(_("アクセスできません"), None)]}, status=403
    )


def error_400(request, exception):
    return render(
        request,
        "400.html",
        {"breadcrumbs": [(_("リクエストが正しくありません"), None)]},
        status=400,
    )


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)
