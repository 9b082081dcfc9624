"""View decorators for staff pages: signed in, holding a role, with MFA switched on."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from kyoso.core.middleware import CUSTOM_PLANS, use_plans
from kyoso.platforms.access import has_mfa, has_staff_role

AFTER_MFA = "kyoso_after_mfa"


def after_mfa_url(request) -> str:
    """Where a staff member was going before TOTP set-up, once it is set up (else "")."""
    session = getattr(request, "session", None)
    if session is None or AFTER_MFA not in session or not request.user.is_authenticated:
        return ""
    return session[AFTER_MFA] if has_mfa(request.user) else ""


def staff_required(view):
    """Admins and moderators only; they must have set up two-factor authentication (TOTP)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not has_staff_role(user):
            raise PermissionDenied
        if getattr(settings, "KYOSO_REQUIRE_ADMIN_MFA", True) and not has_mfa(user):
            # Back here once TOTP (and the recovery codes) are set up: see base.html.
            request.session[AFTER_MFA] = request.get_full_path()
            messages.warning(
                request,
                _(
                    "管理者・モデレーターの役割を使うには、二要素認証（認証アプリ）の設定が必要です。"
                ),
            )
            return redirect("mfa_activate_totp")
        request.session.pop(AFTER_MFA, None)
        # Queues and logs filter on skewed columns: planned for their values (PostgreSQL).
        use_plans(CUSTOM_PLANS)
        return view(request, *args, **kwargs)

    return wrapper
