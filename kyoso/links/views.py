"""Related links: the public page per platform and the admins' management pages."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kyoso.core.cache import cache_anonymous_page
from kyoso.core.decorators import staff_required
from kyoso.platforms.access import access_platform, can_administer, is_national_admin
from kyoso.platforms.models import Platform, PlatformRole

from .actions import link_delete, link_save
from .forms import LinkForm
from .models import Link


def _grouped(links):
    """Links by category, the categories in their defined order (府省庁 first)."""
    groups: dict[str, dict] = {}
    for link in links:
        group = groups.setdefault(
            link.category, {"label": link.get_category_display(), "links": []}
        )
        group["links"].append(link)
    order = Link.Category.values
    return [groups[key] for key in sorted(groups, key=order.index)]


def _public(request, platform):
    links = Link.objects.select_related("platform__prefecture")
    if platform is not None:
        request.platform = platform
        links = links.filter(platform=platform)
    crumbs = [(platform.short_name(), platform.get_absolute_url())] if platform else []
    crumbs.append((_("関連リンク"), None))
    return render(
        request,
        "links/list.html",
        {"groups": _grouped(links), "platform": platform, "breadcrumbs": crumbs},
    )


@cache_anonymous_page
def link_list(request):
    return _public(request, None)


@cache_anonymous_page
def platform_link_list(request, slug: str):
    return _public(request, access_platform(slug))


def _administered_platforms(user):
    platforms = Platform.objects.select_related("prefecture")
    if is_national_admin(user):
        return platforms
    ids = PlatformRole.objects.filter(user=user, role=PlatformRole.Role.ADMIN).values("platform_id")
    return platforms.filter(pk__in=ids)


@staff_required
def manage(request):
    platforms = _administered_platforms(request.user)
    if not platforms.exists():
        raise PermissionDenied
    links = Link.objects.filter(platform__in=platforms).select_related("platform__prefecture")
    crumbs = [(_("関連リンクの管理"), None)]
    return render(request, "links/manage.html", {"links": links, "breadcrumbs": crumbs})


def _access_link(user, pk: int) -> Link:
    link = get_object_or_404(Link.objects.select_related("platform"), pk=pk)
    if not can_administer(user, link.platform):
        raise PermissionDenied
    return link


@staff_required
def edit(request, pk: int | None = None):
    platforms = _administered_platforms(request.user)
    if not platforms.exists():
        raise PermissionDenied
    link = _access_link(request.user, pk) if pk else None
    form = LinkForm(instance=link, platforms=platforms)
    status = 200
    if request.method == "POST":
        form = LinkForm(request.POST, instance=link, platforms=platforms)
        if form.is_valid():
            saved = link_save(actor=request.user, form=form)
            messages.success(request, _("「%(title)s」を保存しました。") % {"title": saved.title})
            return redirect("links:manage")
        status = 422
    crumbs = [
        (_("関連リンクの管理"), reverse("links:manage")),
        (_("リンクの編集") if link else _("リンクの追加"), None),
    ]
    return render(
        request,
        "links/form.html",
        {"form": form, "link": link, "breadcrumbs": crumbs},
        status=status,
    )


@staff_required
def delete(request, pk: int):
    link = _access_link(request.user, pk)
    if request.method == "POST":
        link_delete(actor=request.user, link=link)
        messages.success(request, _("「%(title)s」を削除しました。") % {"title": link.title})
        return redirect("links:manage")
    crumbs = [(_("関連リンクの管理"), reverse("links:manage")), (_("リンクの削除"), None)]
    return render(request, "links/delete.html", {"link": link, "breadcrumbs": crumbs})
