"""Review queue pages: one per platform for its admins and moderators."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kyoso.core.decorators import staff_required
from kyoso.core.pagination import paginate
from kyoso.platforms.access import access_platform, can_moderate, moderated_platform_ids

from . import registry
from .actions import TransitionError, publishable_approve, publishable_reject
from .forms import RejectForm
from .selectors import pending_items


@staff_required
def review_queue(request, slug: str | None = None):
    platform = None
    if slug is not None:
        platform = access_platform(slug)
        if not can_moderate(request.user, platform):
            raise PermissionDenied
        platform_ids = {platform.pk}
    else:
        platform_ids = moderated_platform_ids(request.user)
    items = pending_items(platform_ids=platform_ids)
    page = paginate(request, items, per_page=30)
    crumbs = [(_("審査キュー"), None)]
    return render(
        request,
        "moderation/queue.html",
        {"page": page, "platform": platform, "breadcrumbs": crumbs, "total": len(items)},
    )


def _access_item(user, key: str, pk: int):
    entry = registry.get(key)
    if entry is None:
        raise Http404(key)
    try:
        obj = entry.model.objects.select_related("platform__prefecture", "submitted_by").get(pk=pk)
    except entry.model.DoesNotExist:
        raise Http404(pk) from None
    if not can_moderate(user, obj.platform):
        raise PermissionDenied
    return entry, obj


@staff_required
def review_item(request, key: str, pk: int):
    entry, obj = _access_item(request.user, key, pk)
    form = RejectForm()
    status = 200
    if request.method == "POST":
        decision = request.POST.get("decision")
        try:
            if decision == "approve":
                publishable_approve(actor=request.user, obj=obj)
                messages.success(
                    request, _("「%(title)s」を承認し、公開しました。") % {"title": obj}
                )
                return redirect("moderation:queue")
            if decision == "reject":
                form = RejectForm(request.POST)
                if form.is_valid():
                    publishable_reject(
                        actor=request.user, obj=obj, reason=form.cleaned_data["reason"]
                    )
                    messages.success(
                        request,
                        _("「%(title)s」を差し戻しました。申請者に理由を通知しました。")
                        % {"title": obj},
                    )
                    return redirect("moderation:queue")
                status = 422
            else:
                messages.error(request, _("操作を選んでください。"))
                status = 400
        except TransitionError as exc:
            messages.error(request, str(exc))
            status = 409
    crumbs = [(_("審査キュー"), reverse("moderation:queue")), (str(obj), None)]
    return render(
        request,
        "moderation/item.html",
        {"entry": entry, "object": obj, "form": form, "breadcrumbs": crumbs},
        status=status,
    )
