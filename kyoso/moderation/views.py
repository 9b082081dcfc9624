"""Review queue pages: one per platform for its admins and moderators; submissions and proposed
changes of published content, each decided by someone other than its submitter."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kyoso.core.blocks import REVIEW_QUEUE, blocks_for
from kyoso.core.decorators import staff_required
from kyoso.core.downloads import file_download
from kyoso.core.pagination import LazyWindow, paginate
from kyoso.platforms.access import (
    access_platform,
    can_administer,
    can_moderate,
    moderated_platform_ids,
)

from . import registry
from .actions import TransitionError, publishable_approve, publishable_reject
from .forms import RejectForm
from .models import PendingRevision
from .revisions import diff_rows, revision_accept, revision_reject, spec_for
from .selectors import escalated, is_escalated, load_items, platform_reviewers, waiting


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
    rows = waiting(platform_ids=platform_ids)
    reviewers = platform_reviewers()

    def load(limit: int, offset: int):
        return load_items(rows[offset : offset + limit], viewer=request.user, reviewers=reviewers)

    page = paginate(request, LazyWindow(len(rows), load), per_page=30)
    crumbs = [(_("審査キュー"), None)]
    return render(
        request,
        "moderation/queue.html",
        {
            "page": page,
            "platform": platform,
            "breadcrumbs": crumbs,
            "total": len(rows),
            "escalated": sum(escalated(rows, reviewers)),
            "contributed": blocks_for(REVIEW_QUEUE, platform=platform, user=request.user),
        },
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


def _escalated(platform, submitter_id) -> bool:
    return is_escalated(platform_reviewers(), platform.pk, submitter_id)


def _decide(request, *, approve, reject, title, approved=None):
    """Run the approve or reject decision posted in request; (response or None, form, status)."""
    form = RejectForm()
    decision = request.POST.get("decision")
    try:
        if decision == "approve":
            approve()
            message = approved or _("「%(title)s」を承認し、公開しました。")
            messages.success(request, message % {"title": title})
            return redirect("moderation:queue"), form, 302
        if decision == "reject":
            form = RejectForm(request.POST)
            if form.is_valid():
                reject(form.cleaned_data["reason"])
                messages.success(
                    request,
                    _("「%(title)s」を差し戻しました。申請者に理由を通知しました。")
                    % {"title": title},
                )
                return redirect("moderation:queue"), form, 302
            return None, form, 422
        messages.error(request, _("操作を選んでください。"))
        return None, form, 400
    except TransitionError as exc:
        messages.error(request, str(exc))
        return None, form, 409


@staff_required
def review_item(request, key: str, pk: int):
    entry, obj = _access_item(request.user, key, pk)
    form = RejectForm()
    status = 200
    ticked = [k for k in request.POST.getlist("check") if k in dict(entry.checklist)]
    checklist_error = ""
    if (
        request.method == "POST"
        and request.POST.get("decision") == "approve"
        and len(set(ticked)) < len(entry.checklist)
    ):
        checklist_error = _("公開する前に、確認項目をすべて確かめてチェックしてください。")
        status = 422
    elif request.method == "POST":

        def approve():
            if entry.checklist and hasattr(obj, "checklist"):
                obj.checklist = sorted(set(ticked))
            publishable_approve(actor=request.user, obj=obj)

        response, form, status = _decide(
            request,
            approve=approve,
            reject=lambda reason: publishable_reject(actor=request.user, obj=obj, reason=reason),
            title=obj,
        )
        if response is not None:
            return response
    crumbs = [(_("審査キュー"), reverse("moderation:queue")), (str(obj), None)]
    return render(
        request,
        "moderation/item.html",
        {
            "entry": entry,
            "object": obj,
            "form": form,
            "own": obj.submitted_by_id == request.user.pk,
            "escalated": _escalated(obj.platform, obj.submitted_by_id),
            "checklist": entry.checklist,
            "ticked": ticked,
            "checklist_error": checklist_error,
            "breadcrumbs": crumbs,
        },
        status=status,
    )


def _access_revision(user, pk: int) -> PendingRevision:
    revision = (
        PendingRevision.objects.select_related(
            "platform__prefecture", "proposed_by", "content_type"
        )
        .filter(pk=pk)
        .first()
    )
    if revision is None or revision.target is None:
        raise Http404(pk)
    return revision


@staff_required
def review_revision(request, pk: int):
    revision = _access_revision(request.user, pk)
    if not can_moderate(request.user, revision.platform):
        raise PermissionDenied
    obj = revision.target
    entry = registry.for_model(type(obj))
    form = RejectForm()
    status = 200
    if request.method == "POST":
        response, form, status = _decide(
            request,
            approve=lambda: revision_accept(actor=request.user, revision=revision),
            reject=lambda reason: revision_reject(
                actor=request.user, revision=revision, reason=reason
            ),
            title=obj,
            approved=_("「%(title)s」の変更を承認し、公開中の内容に反映しました。"),
        )
        if response is not None:
            return response
    spec = spec_for(obj)
    rows = (
        diff_rows(spec, obj, revision.data)
        if revision.is_pending
        else [tuple(v) for v in revision.changes.values()]
    )
    crumbs = [(_("審査キュー"), reverse("moderation:queue")), (str(obj), None)]
    response = render(
        request,
        "moderation/revision.html",
        {
            "entry": entry,
            "object": obj,
            "revision": revision,
            "rows": rows,
            "files": revision.files.all(),
            "form": form,
            "own": revision.proposed_by_id == request.user.pk,
            "needs_admin": revision.admin_only
            and not can_administer(request.user, revision.platform),
            "changed_since": obj.version != revision.base_version,
            "escalated": _escalated(revision.platform, revision.proposed_by_id),
            "breadcrumbs": crumbs,
        },
        status=status,
    )
    response["Cache-Control"] = "private, no-store"
    return response


def revision_file(request, pk: int, file_id: int):
    """A file of a proposed change: for the platform's reviewers and the proposer only."""
    user = request.user
    if not user.is_authenticated:
        raise Http404
    revision = _access_revision(user, pk)
    if not (revision.proposed_by_id == user.pk or can_moderate(user, revision.platform)):
        raise Http404
    item = revision.files.filter(pk=file_id).first()
    if item is None:
        raise Http404
    return file_download(
        item.file, name=item.original_name, content_type=item.content_type, private=True
    )
