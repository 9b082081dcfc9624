"""Measures pages: list with filters, detail, register, edit, flag, downloads, feed, export."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kyoso.core.blocks import MEASURE, blocks_for
from kyoso.core.cache import cache_anonymous_page
from kyoso.core.decorators import staff_required
from kyoso.core.downloads import file_download
from kyoso.core.facets_html import checkboxes, labelled, select_options
from kyoso.core.feeds import TextAtom1Feed
from kyoso.core.opendata import csv_response, json_response
from kyoso.core.pagination import LazyWindow, paginate
from kyoso.core.templatetags.kyoso import fiscal_year
from kyoso.moderation.edit_flow import answer_edit
from kyoso.moderation.revisions import LIVE_STATES, pending_revision_for
from kyoso.platforms.access import access_platform, can_administer, can_moderate
from kyoso.regions import reference

from . import selectors
from .access import (
    access_measure_edit,
    access_measure_public,
    agency_organisations,
    can_edit_measure,
    registrable_platforms,
)
from .actions import measure_flag, measure_register, measure_update
from .files import FORMATS, download_name, human_size
from .forms import FlagForm, MeasureForm
from .models import Attachment, Measure
from .revisions import SPEC
from .rows import rows_for


def _list(request, platform):
    filters = selectors.parse_filters(request.GET)
    results = selectors.Results(filters, platform)
    ordered = results.ordered_ids()
    page = paginate(
        request,
        LazyWindow(
            results.total,
            lambda limit, offset: rows_for(ordered[offset : offset + limit]),
        ),
        per_page=20,
    )
    facets = results.facets()
    if platform is not None:
        request.platform = platform
    crumbs = [(platform.short_name(), platform.get_absolute_url())] if platform else []
    crumbs.append((_("各省庁の関連施策・予算情報"), None))
    unset = _("指定しない")
    context = {
        "platform": platform,
        "filters": filters,
        "page": page,
        "audience_options": select_options(
            [(v, label, facets["for"].get(v, 0)) for v, label in labelled(Measure.Audience)],
            filters.audience,
            empty_label=unset,
        ),
        "field_options_html": select_options(
            [(slug, name, facets["field"].get(slug, 0)) for slug, name in reference.field_names()],
            filters.field_slugs[0] if filters.field_slugs else "",
            empty_label=_("すべての分野"),
        ),
        "kind_checks": checkboxes(
            "kind",
            "m-kind",
            [(v, label, facets["kind"].get(v, 0)) for v, label in labelled(Measure.Kind)],
            filters.kinds,
        ),
        "agency_options": select_options(
            [(a, a, n) for a, n in sorted(facets["agency"].items())],
            filters.agency,
            empty_label=unset,
        ),
        "fy_options": select_options(
            [
                (
                    y,
                    _("%(era)s（%(year)s年度・%(n)s）")
                    % {"era": fiscal_year(y), "year": y, "n": n},
                    None,
                )
                for y, n in sorted(facets["fy"].items(), reverse=True)
            ],
            str(filters.fiscal_year or ""),
            empty_label=unset,
        ),
        "featured": selectors.featured() if platform is None and not request.GET else [],
        "can_register": request.user.is_authenticated
        and registrable_platforms(request.user).exists(),
        "breadcrumbs": crumbs,
        "feed_query": request.GET.urlencode(),  # for the feed and export links, built once
    }
    template = (
        "measures/partials/_results.html"
        if request.headers.get("HX-Request")
        else "measures/list.html"
    )
    return render(request, template, context)


@cache_anonymous_page
def measure_list(request):
    return _list(request, None)


@cache_anonymous_page
def platform_measure_list(request, slug: str):
    return _list(request, access_platform(slug))


@cache_anonymous_page
def measure_detail(request, pk: int):
    measure = access_measure_public(pk)
    attachments = [(a, human_size(a.size)) for a in measure.attachments.all()]
    context = {
        "measure": measure,
        "attachments": attachments,
        "links": measure.links.all(),
        "fields": measure.fields.all(),
        "related": measure.related.filter(status="published"),
        "revisions": measure.revisions.all()[:20],
        "contributed": blocks_for(MEASURE, measure=measure),
        "can_edit": can_edit_measure(request.user, measure),
        "can_moderate": request.user.is_authenticated
        and can_moderate(request.user, measure.platform),
        "breadcrumbs": [
            (_("各省庁の関連施策・予算情報"), reverse("measures:list")),
            (measure.title, None),
        ],
    }
    return render(request, "measures/detail.html", context)


def attachment_download(request, pk: int, attachment_id: int):
    """Published measures' files for everyone; files of a measure under review for its reviewers
    and the people who may edit it (never cached: private)."""
    measure = Measure.objects.select_related("platform").filter(pk=pk).first()
    if measure is None:
        raise Http404
    public = measure.is_published
    if not public and not (
        can_edit_measure(request.user, measure)
        or (request.user.is_authenticated and can_moderate(request.user, measure.platform))
    ):
        raise Http404
    attachment = Attachment.objects.filter(pk=attachment_id, measure=measure).first()
    if attachment is None:
        raise Http404
    return file_download(
        attachment.file,
        name=download_name(attachment.original_name, attachment.format),
        content_type=FORMATS[attachment.format][1],
        private=not public,
    )


@login_required
def measure_new(request):
    platforms = registrable_platforms(request.user)
    if not platforms.exists():
        raise PermissionDenied
    can_feature = any(can_administer(request.user, p) for p in platforms)
    form = MeasureForm(platforms=platforms, can_feature=can_feature)
    status = 200
    if request.method == "POST":
        form = MeasureForm(
            request.POST, request.FILES, platforms=platforms, can_feature=can_feature
        )
        if form.is_valid():
            org = (
                agency_organisations(request.user)
                .filter(platform=form.cleaned_data["platform"])
                .first()
            )
            measure = measure_register(actor=request.user, form=form, organisation=org)
            messages.success(
                request, _("「%(title)s」を登録し、審査に送りました。") % {"title": measure.title}
            )
            return redirect("accounts:me")
        status = 422
    crumbs = [
        (_("各省庁の関連施策・予算情報"), reverse("measures:list")),
        (_("施策・予算の登録"), None),
    ]
    return render(
        request, "measures/form.html", {"form": form, "breadcrumbs": crumbs}, status=status
    )


@login_required
def measure_edit(request, pk: int):
    measure = access_measure_edit(request.user, pk)
    platforms = registrable_platforms(request.user)
    can_feature = can_administer(request.user, measure.platform)
    options = {"platforms": platforms, "editing": True, "can_feature": can_feature}
    waiting = pending_revision_for(measure, request.user)
    form = MeasureForm(instance=measure, **options)
    if waiting is not None:
        form.initial.update(SPEC.to_initial(waiting.data))
    status = 200
    if request.method == "POST":
        form = MeasureForm(request.POST, request.FILES, instance=measure, **options)
        response, status = answer_edit(
            request,
            form=form,
            obj=measure,
            save=lambda: measure_update(actor=request.user, measure=measure, form=form),
            saved_message=_("施策の情報を更新しました。"),
            public_url=lambda: measure.get_absolute_url() if measure.is_published else None,
        )
        if response is not None:
            return response
    crumbs = [(_("各省庁の関連施策・予算情報"), reverse("measures:list")), (measure.title, None)]
    return render(
        request,
        "measures/form.html",
        {
            "form": form,
            "measure": measure,
            "waiting": waiting,
            "goes_live": measure.status not in LIVE_STATES
            or can_moderate(request.user, measure.platform),
            "breadcrumbs": crumbs,
        },
        status=status,
    )


@staff_required
def measure_flag_view(request, pk: int):
    measure = Measure.objects.filter(pk=pk).select_related("platform").first()
    if measure is None:
        raise Http404
    if not can_moderate(request.user, measure.platform):
        raise PermissionDenied
    form = FlagForm()
    status = 200
    if request.method == "POST":
        form = FlagForm(request.POST)
        if form.is_valid():
            measure_flag(actor=request.user, measure=measure, note=form.cleaned_data["note"])
            messages.success(request, _("「更新が必要」の印をつけました。"))
            return redirect(measure.get_absolute_url())
        status = 422
    crumbs = [(measure.title, measure.get_absolute_url()), (_("更新が必要"), None)]
    return render(
        request,
        "measures/flag.html",
        {"form": form, "measure": measure, "breadcrumbs": crumbs},
        status=status,
    )


class MeasureFeed(Feed):
    """Atom feed of published measures; the list's filters apply (/measures/feed/?kind=grant)."""

    feed_type = TextAtom1Feed
    title = gettext_lazy("各省庁の関連施策・予算情報")
    subtitle = gettext_lazy(
        "生活支援共創プラットフォームに登録された施策・予算・マニュアル・支援ツール"
    )

    def get_object(self, request):
        return request

    def link(self, request):
        return reverse("measures:list") + ("?" + request.GET.urlencode() if request.GET else "")

    def items(self, request):
        return selectors.filtered(selectors.parse_filters(request.GET))[:50]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at


EXPORT_COLUMNS = [
    "id",
    "title",
    "agency",
    "bureau",
    "kind",
    "fiscal_year",
    "budget_amount",
    "summary",
    "audiences",
    "fields",
    "call_start",
    "call_end",
    "url",
]


def _export_queryset(request):
    return selectors.filtered(selectors.parse_filters(request.GET)).prefetch_related("fields")


def _export_row(m: Measure) -> dict:
    return {
        "id": m.pk,
        "title": m.title,
        "agency": m.agency,
        "bureau": m.bureau,
        "kind": m.get_kind_display(),
        "fiscal_year": m.fiscal_year,
        "budget_amount": m.budget_amount or "",
        "summary": m.summary,
        "audiences": " ".join(m.audience_labels()),
        "fields": " ".join(f.name for f in m.fields.all()),
        "call_start": m.call_start.isoformat() if m.call_start else "",
        "call_end": m.call_end.isoformat() if m.call_end else "",
        "url": settings.SITE_URL + m.get_absolute_url(),
    }


def export_csv(request):
    return csv_response(
        _export_queryset(request),
        row=_export_row,
        columns=EXPORT_COLUMNS,
        filename="kyoso-measures.csv",
    )


def export_json(request):
    return json_response(
        request, _export_queryset(request), row=_export_row, source=reverse("measures:list")
    )
