"""Values every page needs: text size, platform, the staff menu."""

import functools

from django.conf import settings
from django.utils.translation import get_language

from kyoso.platforms.access import has_staff_role, is_national_admin


@functools.lru_cache(maxsize=8)
def _nav_paths(language: str) -> tuple[str, str]:
    from django.urls import reverse

    return reverse("core:home"), reverse("news:list")


def site(request) -> dict:
    user = getattr(request, "user", None)
    staff = bool(user and has_staff_role(user))
    path = getattr(request, "path", "")
    home, news = _nav_paths(get_language())
    platform = getattr(request, "platform", None)
    nav_current = "home" if path == home else "news" if path == news else ""
    from .decorators import after_mfa_url

    return {
        "after_mfa_url": after_mfa_url(request) if user and user.is_authenticated else "",
        "nav_current": nav_current,
        "text_size": getattr(request, "text_size", "standard"),
        "contrast": getattr(request, "contrast", "standard"),
        "furigana": getattr(request, "furigana", False),
        "site_url": settings.SITE_URL,
        "is_staff_user": staff,
        "is_national_admin": bool(staff and is_national_admin(user)),
        "current_platform": platform,
        # The header's fragment key: on the national site a template's `current_platform.pk`
        # fails through four lookups (each an exception) before it gives "".
        "current_platform_pk": platform.pk if platform is not None else "",
        "open_data_license": settings.OPEN_DATA_LICENSE,
    }
