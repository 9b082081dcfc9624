"""A prefecture's admins run their platform from their own pages (national admins may too):
運用中 / 準備中, description, contact, logo, its make-up (関係部局 and prefecture-scale
organisations) and its moderators — never another prefecture's. Everything is audited."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kyoso.core.decorators import staff_required
from kyoso.core.downloads import file_download

from .access import access_platform, can_administer, is_national_admin
from .actions import (
    part_add,
    part_remove,
    platform_set_active,
    platform_update,
    role_grant,
    role_revoke,
)
from .forms import PartForm, PlatformRoleForm, PlatformSettingsForm
from .models import Part, PlatformRole


def access_own_platform(user, slug: str):
    platform = access_platform(slug)
    if not can_administer(user, platform):
        raise PermissionDenied
    return platform


def _crumbs(platform, title=None):
    crumbs = [(platform.short_name(), platform.get_absolute_url())]
    if title is None:
        return [*crumbs, (_("プラットフォームの運営"), None)]
    return [
        *crumbs,
        (_("プラットフォームの運営"), reverse("platforms:manage", kwargs={"slug": platform.slug})),
        (title, None),
    ]


@staff_required
def manage(request, slug: str):
    platform = access_own_platform(request.user, slug)
    settings_form = PlatformSettingsForm(
        initial={"description": platform.description, "contact": platform.contact}
    )
    part_form = PartForm()
    status = 200
    if request.method == "POST":
        if request.POST.get("form") == "part":
            part_form = PartForm(request.POST)
            if part_form.is_valid():
                part = part_add(actor=request.user, platform=platform, form=part_form)
                messages.success(
                    request, _("「%(name)s」を構成に加えました。") % {"name": part.name}
                )
                return redirect("platforms:manage", slug=slug)
        else:
            settings_form = PlatformSettingsForm(
                request.POST,
                request.FILES,
                initial={"description": platform.description, "contact": platform.contact},
            )
            if settings_form.is_valid():
                platform_update(actor=request.user, platform=platform, form=settings_form)
                messages.success(request, _("紹介文・問い合わせ先を保存しました。"))
                return redirect("platforms:manage", slug=slug)
        status = 422
    context = {
        "platform": platform,
        "settings_form": settings_form,
        "part_form": part_form,
        "parts": platform.parts.all(),
        "roles": PlatformRole.objects.filter(platform=platform).select_related("user"),
        "breadcrumbs": _crumbs(platform),
    }
    return render(request, "platforms/manage.html", context, status=status)


@staff_required
def status(request, slug: str):
    """GET asks to confirm; POST turns the platform 運用中 or 準備中."""
    platform = access_own_platform(request.user, slug)
    turn_on = not platform.is_active
    if request.method == "POST":
        platform_set_active(actor=request.user, platform=platform, is_active=turn_on)
        if turn_on:
            messages.success(request, _("運用を始めました。ホームに「運用中」と表示されます。"))
        else:
            messages.success(request, _("準備中に戻しました。"))
        return redirect("platforms:manage", slug=slug)
    return render(
        request,
        "platforms/status.html",
        {
            "platform": platform,
            "turn_on": turn_on,
            "breadcrumbs": _crumbs(platform, _("運用状態の変更")),
        },
    )


@staff_required
def part_delete(request, slug: str, pk: int):
    platform = access_own_platform(request.user, slug)
    part = Part.objects.filter(pk=pk, platform=platform).first()
    if part is None:
        raise Http404
    if request.method == "POST":
        part_remove(actor=request.user, part=part)
        messages.success(request, _("「%(name)s」を構成から外しました。") % {"name": part.name})
        return redirect("platforms:manage", slug=slug)
    return render(
        request,
        "platforms/part_delete.html",
        {"platform": platform, "part": part, "breadcrumbs": _crumbs(platform, _("構成から外す"))},
    )


@staff_required
def roles(request, slug: str):
    """The platform's admins and moderators; its admins appoint moderators here (national admins
    appoint admins too)."""
    platform = access_own_platform(request.user, slug)
    may_appoint_admins = is_national_admin(request.user)
    form = PlatformRoleForm(platform=platform, may_appoint_admins=may_appoint_admins)
    status_code = 200
    if request.method == "POST":
        form = PlatformRoleForm(
            request.POST, platform=platform, may_appoint_admins=may_appoint_admins
        )
        if form.is_valid():
            grant = role_grant(
                actor=request.user,
                user=form.user,
                platform=platform,
                role=form.cleaned_data["role"],
            )
            messages.success(
                request,
                _("%(user)s を%(role)sに任命しました。")
                % {"user": grant.user.email, "role": grant.get_role_display()},
            )
            return redirect("platforms:platform_roles", slug=slug)
        status_code = 422
    return render(
        request,
        "platforms/platform_roles.html",
        {
            "platform": platform,
            "form": form,
            "roles": PlatformRole.objects.filter(platform=platform).select_related("user"),
            "may_appoint_admins": may_appoint_admins,
            "breadcrumbs": _crumbs(platform, _("管理者・モデレーター")),
        },
        status=status_code,
    )


@staff_required
def role_revoke_view(request, slug: str, pk: int):
    """A platform's admins revoke its moderators (admins: national admins only), after a
    confirmation page."""
    platform = access_own_platform(request.user, slug)
    grant = PlatformRole.objects.select_related("user").filter(pk=pk, platform=platform).first()
    if grant is None:
        raise Http404
    if grant.role == PlatformRole.Role.ADMIN and not is_national_admin(request.user):
        raise PermissionDenied
    if request.method == "POST":
        role_revoke(actor=request.user, grant=grant)
        messages.success(request, _("%(user)s の役割を解除しました。") % {"user": grant.user.email})
        return redirect("platforms:platform_roles", slug=slug)
    return render(
        request,
        "platforms/role_revoke.html",
        {
            "grant": grant,
            "back": reverse("platforms:platform_roles", kwargs={"slug": slug}),
            "breadcrumbs": _crumbs(platform, _("役割の解除")),
        },
    )


def logo(request, slug: str):
    platform = access_platform(slug)
    if not platform.logo:
        raise Http404
    response = file_download(
        platform.logo, name="logo.png", content_type="image/png", private=False
    )
    response["Content-Disposition"] = "inline"
    return response
