"""Notice pages: the national list (every platform), a platform's list, one notice, writing one."""

from django.contrib import messages
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kyoso.core.cache import cache_anonymous_page
from kyoso.core.decorators import staff_required
from kyoso.core.feeds import TextAtom1Feed
from kyoso.core.pagination import paginate
from kyoso.platforms.access import access_platform, moderated_platform_ids
from kyoso.platforms.models import Platform

from .actions import notice_create
from .forms import NoticeForm
from .models import Notice
from .selectors import published_notices


def _list(request, platform):
    page = paginate(request, published_notices(platform=platform), per_page=20)
    crumbs = []
    if platform is not None:
        request.platform = platform
        crumbs.append((platform.short_name(), platform.get_absolute_url()))
    crumbs.append((_("お知らせ"), None))
    template = "news/partials/_list.html" if request.headers.get("HX-Request") else "news/list.html"
    return render(request, template, {"page": page, "platform": platform, "breadcrumbs": crumbs})


@cache_anonymous_page
def notice_list(request):
    return _list(request, None)


@cache_anonymous_page
def platform_notice_list(request, slug: str):
    return _list(request, access_platform(slug))


@cache_anonymous_page
def notice_detail(request, pk: int):
    try:
        notice = published_notices().get(pk=pk)
    except Notice.DoesNotExist:
        raise Http404(pk) from None
    crumbs = [(_("お知らせ"), reverse("news:list")), (notice.title, None)]
    return render(request, "news/detail.html", {"notice": notice, "breadcrumbs": crumbs})


@staff_required
def notice_new(request):
    ids = moderated_platform_ids(request.user)
    platforms = Platform.objects.select_related("prefecture")
    if ids is not None:
        platforms = platforms.filter(pk__in=ids)
    form = NoticeForm(platforms=platforms)
    status = 200
    if request.method == "POST":
        form = NoticeForm(request.POST, platforms=platforms)
        if form.is_valid():
            notice_create(
                actor=request.user,
                platform=form.cleaned_data["platform"],
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
            )
            messages.success(
                request, _("お知らせを審査キューに送りました。承認されると公開されます。")
            )
            return redirect("accounts:me")
        status = 422
    crumbs = [(_("お知らせ"), reverse("news:list")), (_("お知らせを書く"), None)]
    return render(request, "news/form.html", {"form": form, "breadcrumbs": crumbs}, status=status)


class NoticeFeed(Feed):
    feed_type = TextAtom1Feed
    title = gettext_lazy("生活支援共創プラットフォーム お知らせ")
    subtitle = gettext_lazy("全国版・都道府県版プラットフォームからのお知らせ")

    def link(self):
        return reverse("news:list")

    def items(self):
        return published_notices()[:30]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.body[:500]

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at
