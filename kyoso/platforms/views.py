"""Prefectural home pages and the national admin's role management."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kyoso.core.blocks import PLATFORM_HOME, blocks_for
from kyoso.core.cache import cache_anonymous_page
from kyoso.core.decorators import staff_required
from kyoso.core.pagination import paginate
from kyoso.core.sections import corners_with_sections
from kyoso.core.views import coming_soon

from .access import access_platform, can_administer, require_national_admin
from .actions import role_grant, role_revoke
from .forms import RoleGrantForm
from .models import PlatformRole
from .selectors import platform_roles


@cache_anonymous_page
def platform_home(request, slug: str):
    platform = access_platform(slug)
    request.platform = platform
    return render(
        request,
        "platforms/home.html",
        {
            "platform": platform,
            "corners": corners_with_sections(platform),
            "contributed": blocks_for(PLATFORM_HOME, platform=platform),
            "municipality_count": platform.prefecture.municipalities.filter(is_active=True)
            .exclude(kind="ward")
            .count(),
            "can_manage": request.user.is_authenticated and can_administer(request.user, platform),
            "breadcrumbs": [(platform.short_name(), None)],
        },
    )


@cache_anonymous_page
def platform_section(request, slug: str, section: str):
    platform = access_platform(slug)
    request.platform = platform
    return coming_soon(request, section, platform=platform)


@staff_required
def roles(request):
    require_national_admin(request.user)
    form = RoleGrantForm()
    status = 200
    if request.method == "POST":
        form = RoleGrantForm(request.POST)
        if form.is_valid():
            grant = role_grant(
                actor=request.user,
                user=form.user,
                platform=form.cleaned_data["platform"],
                role=form.cleaned_data["role"],
            )
            messages.success(
                request,
                _("%(user)s を%(platform)sの%(role)sに任命しました。")
                % {
                    "user": grant.user.email,
                    "platform": grant.platform.short_name(),
                    "role": grant.get_role_display(),
                },
            )
            return redirect("platforms:roles")
        status = 422
    page = paginate(request, platform_roles(), per_page=50)
    return render(
        request,
        "platforms/roles.html",
        {"form": form, "page": page, "breadcrumbs": [(_("管理者・モデレーターの任命"), None)]},
        status=status,
    )


@staff_required
def role_revoke_confirm(request, pk: int):
    """GET shows what will be revoked; POST revokes it (confirmation before a destructive act)."""
    require_national_admin(request.user)
    grant = get_object_or_404(PlatformRole.objects.select_related("user", "platform"), pk=pk)
    if request.method == "POST":
        role_revoke(actor=request.user, grant=grant)
        messages.success(request, _("%(user)s の役割を解除しました。") % {"user": grant.user.email})
        return redirect("platforms:roles")
    crumbs = [
        (_("管理者・モデレーターの任命"), reverse("platforms:roles")),
        (_("役割の解除"), None),
    ]
    return render(request, "platforms/role_revoke.html", {"grant": grant, "breadcrumbs": crumbs})
