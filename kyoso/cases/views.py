"""Cases pages: list with filters and facets, detail with citation and similar cases, submit,
edit (reviewed when published), photos, analysis figures with CSV, open-data exports."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kyoso.core.blocks import CASE, blocks_for
from kyoso.core.cache import cache_anonymous_page
from kyoso.core.charts import bar_chart
from kyoso.core.downloads import file_download
from kyoso.core.facets_html import checkboxes, labelled, municipality_options, select_options
from kyoso.core.media import video_embed_url
from kyoso.core.opendata import csv_response, json_response
from kyoso.core.pagination import LazyWindow, paginate
from kyoso.directory.access import listed_organisations_of
from kyoso.moderation.edit_flow import answer_edit
from kyoso.moderation.revisions import LIVE_STATES, pending_revision_for
from kyoso.platforms.access import access_platform, can_moderate
from kyoso.regions import reference
from kyoso.regions.maps import prefecture_map

from . import selectors
from .access import (
    access_case_edit,
    access_case_public,
    can_edit_case,
    can_submit,
)
from .actions import case_submit, case_update
from .forms import CaseForm
from .models import ActorRole, Case, Photo
from .revisions import SPEC
from .rows import rows_for


def _list(request, platform):
    filters = selectors.parse_filters(request.GET)
    pref_code = platform.prefecture_id if platform is not None else None
    results = selectors.Results(filters, pref_code)
    ordered = results.ordered_ids()
    page = paginate(
        request,
        LazyWindow(results.total, lambda limit, offset: rows_for(ordered[offset : offset + limit])),
        per_page=20,
    )
    facets = results.facets()
    if platform is not None:
        request.platform = platform
    crumbs = [(platform.short_name(), platform.get_absolute_url())] if platform else []
    crumbs.append((_("共創事例"), None))
    measure_titles = selectors.measure_titles(facets["measure"])
    context = {
        "platform": platform,
        "filters": filters,
        "page": page,
        "pref_options": select_options(
            [
                (code, name, facets["pref"].get(code, 0))
                for code, name in reference.prefecture_names()
                if pref_code is None or code == pref_code
            ],
            filters.prefecture.code if filters.prefecture else "",
            empty_label=_("すべての都道府県"),
        ),
        "muni_options": municipality_options(filters, empty_label=_("市区町村を指定しない")),
        "field_options_html": select_options(
            [(slug, name, facets["field"].get(slug, 0)) for slug, name in reference.field_names()],
            filters.field_slugs[0] if filters.field_slugs else "",
            empty_label=_("すべての分野"),
        ),
        "actor_checks": checkboxes(
            "actor",
            "c-actor",
            [(v, label, facets["actor"].get(v, 0)) for v, label in labelled(ActorRole)],
            filters.actors,
        ),
        "measure_options": select_options(
            [(pk, title, facets["measure"][pk]) for pk, title in measure_titles],
            str(filters.measure or ""),
            empty_label=_("指定しない"),
        ),
        "can_submit": can_submit(request.user),
        "breadcrumbs": crumbs,
        "feed_query": request.GET.urlencode(),  # for the export links, built once (as events)
    }
    template = (
        "cases/partials/_results.html" if request.headers.get("HX-Request") else "cases/list.html"
    )
    return render(request, template, context)


@cache_anonymous_page
def case_list(request):
    return _list(request, None)


@cache_anonymous_page
def platform_case_list(request, slug: str):
    platform = access_platform(slug)
    if platform.is_national:
        return redirect("cases:list")
    return _list(request, platform)


def citation(case: Case) -> str:
    published = timezone.localtime(case.published_at) if case.published_at else None
    return _(
        "「%(title)s」生活支援共創プラットフォーム 共創事例 No.%(pk)s（%(date)s公開）%(url)s"
        "（%(today)s閲覧）"
    ) % {
        "title": case.title,
        "pk": case.pk,
        "date": published.strftime("%Y年%-m月%-d日") if published else "—",
        "url": settings.SITE_URL + case.get_absolute_url(),
        "today": timezone.localdate().strftime("%Y年%-m月%-d日"),
    }


@cache_anonymous_page
def case_detail(request, pk: int):
    case = access_case_public(pk)
    context = {
        "case": case,
        "actors": case.actors.select_related("organisation"),
        "outcomes": case.outcomes.all(),
        "photos": case.photos.all(),
        "fields": case.fields.all(),
        "measures": case.measures.filter(status="published"),
        "video_embed": video_embed_url(case.video_url),
        "similar": selectors.similar(case),
        "contributed": blocks_for(CASE, case=case),
        "citation": citation(case),
        "can_edit": can_edit_case(request.user, case),
        "breadcrumbs": [(_("共創事例"), reverse("cases:list")), (case.title, None)],
    }
    return render(request, "cases/detail.html", context)


def photo(request, pk: int, photo_id: int):
    """A published case's photo for everyone; a photo of a case under review for the people who
    may edit it and its reviewers (never cached then)."""
    found = Photo.objects.select_related("case__platform").filter(pk=photo_id).first()
    if found is None or found.case_id != pk:
        raise Http404
    case = found.case
    public = case.is_published
    if not public and not (
        can_edit_case(request.user, case)
        or (request.user.is_authenticated and can_moderate(request.user, case.platform))
    ):
        raise Http404
    return file_download(
        found.image, name="photo.png", content_type="image/png", private=not public
    )


@login_required
def case_new(request):
    if not can_submit(request.user):
        raise PermissionDenied
    organisations = listed_organisations_of(request.user)
    from .prefill import initial_for

    initial = initial_for(request.user, request.GET.get("from", "")) or {}
    form = CaseForm(organisations=organisations, initial=initial)
    status = 200
    if request.method == "POST":
        form = CaseForm(request.POST, request.FILES, organisations=organisations)
        if form.is_valid():
            case = case_submit(
                actor=request.user, form=form, organisation=form.cleaned_data.get("organisation")
            )
            messages.success(
                request,
                _("「%(title)s」を登録し、審査に送りました。公開されるとメールでお知らせします。")
                % {"title": case.title},
            )
            return redirect("accounts:me")
        status = 200 if form.picker_step else 422
    crumbs = [(_("共創事例"), reverse("cases:list")), (_("事例を登録する"), None)]
    return render(request, "cases/form.html", {"form": form, "breadcrumbs": crumbs}, status=status)


@login_required
def case_edit(request, pk: int):
    case = access_case_edit(request.user, pk)
    waiting = pending_revision_for(case, request.user)
    initial = SPEC.to_initial(waiting.data) if waiting is not None else None
    form = CaseForm(instance=case, editing=True, initial=initial)
    status = 200
    if request.method == "POST":
        form = CaseForm(request.POST, request.FILES, instance=case, editing=True)
        response, status = answer_edit(
            request,
            form=form,
            obj=case,
            save=lambda: case_update(actor=request.user, case=case, form=form),
            saved_message=_("事例を更新しました。"),
            public_url=lambda: case.get_absolute_url() if case.is_published else None,
        )
        if response is not None:
            return response
    crumbs = [(_("共創事例"), reverse("cases:list")), (case.title, None)]
    return render(
        request,
        "cases/form.html",
        {
            "form": form,
            "case": case,
            "waiting": waiting,
            "goes_live": case.status not in LIVE_STATES
            or can_moderate(request.user, case.platform),
            "breadcrumbs": crumbs,
        },
        status=status,
    )


# --- analysis ---------------------------------------------------------------------------------


def _figures(pref_counts=None):
    """Every analysis figure as (key, title, description, header, rows)."""
    field_counts = selectors.by_field()
    pref_counts = selectors.by_prefecture() if pref_counts is None else pref_counts
    role_counts = selectors.by_role()
    roles = dict(ActorRole.choices)
    combos = selectors.role_combinations()
    started, published_years = selectors.by_year()
    total = len(selectors.all_facts())
    years = sorted(set(started) | set(published_years))
    return {
        "fields": (
            _("分野別の事例数"),
            _("1つの事例が複数の分野にまたがるときは、それぞれの分野で数えています。"),
            [_("分野"), _("事例数")],
            [(f.display_name(), field_counts.get(f.slug, 0)) for f in reference.fields()],
        ),
        "prefectures": (
            _("都道府県別の事例数"),
            _("事例の地域（都道府県）ごとの数です。"),
            [_("都道府県"), _("事例数")],
            [(p.display_name(), pref_counts.get(p.code, 0)) for p in reference.prefectures()],
        ),
        "actors": (
            _("主体の種類別の事例数"),
            _("その種類の主体が1つ以上関わった事例の数です。"),
            [_("主体の種類"), _("事例数")],
            [(str(label), role_counts.get(value, 0)) for value, label in labelled(ActorRole)],
        ),
        "combinations": (
            _("主体の組み合わせ"),
            _("1つの事例に関わった主体の種類の組み合わせと、その事例数です（多い順）。"),
            [_("組み合わせ"), _("事例数")],
            [(" + ".join(str(roles[r]) for r in combo), n) for combo, n in combos.most_common(15)],
        ),
        "years": (
            _("年ごとの事例数"),
            _("取組を始めた年ごとの事例数と、このサイトで公開した年ごとの事例数です。"),
            [_("年"), _("始まった事例"), _("公開した事例")],
            [(str(y), started.get(y, 0), published_years.get(y, 0)) for y in years],
        ),
        "_total": total,
    }


@cache_anonymous_page
def analysis(request):
    pref_counts = selectors.by_prefecture()
    figures = _figures(pref_counts)
    total = figures.pop("_total")
    pairs = selectors.role_pairs()
    role_list = list(ActorRole.choices)
    matrix = [
        (
            label,
            [pairs.get((a, b), pairs.get((b, a), 0)) if a != b else None for b, _l in role_list],
        )
        for a, label in role_list
    ]
    charts = {}
    for key, (title, description, _header, rows) in figures.items():
        if key in ("fields", "actors", "combinations"):
            charts[key] = bar_chart(
                [(label, n) for label, n in rows if key != "fields" or n],
                title=title,
                description=description,
                chart_id=f"chart-{key}",
            )
        elif key == "years":
            charts[key] = bar_chart(
                [(label, n) for label, n, _p in rows],
                title=_("取組を始めた年ごとの事例数"),
                description=description,
                chart_id="chart-years",
            )
    charts["prefectures"] = prefecture_map(
        dict(pref_counts),
        title=_("都道府県別の事例数（地図）"),
        description=_(
            "都道府県ごとの事例数を色の濃さで表した日本地図です。同じ数を下の表に示します。"
        ),
        label=lambda name, n: (
            ngettext("%(name)s：%(n)s件", "%(name)s：%(n)s件", n) % {"name": name, "n": n}
        ),
        legend_title=_("色の濃さと事例数"),
        link=lambda code: reverse("cases:list") + f"?pref={code}",
        map_id="cases-map",
    )
    context = {
        "figures": [(key, *figures[key], charts.get(key)) for key in figures],
        "total": total,
        "roles": role_list,
        "matrix": matrix,
        "breadcrumbs": [(_("共創事例"), reverse("cases:list")), (_("事例の分析"), None)],
    }
    return render(request, "cases/analysis.html", context)


def analysis_csv(request, figure: str):
    figures = _figures()
    figures.pop("_total")
    if figure not in figures:
        raise Http404
    _title, _description, header, rows = figures[figure]
    columns = [str(h) for h in header]
    return csv_response(
        rows,
        row=lambda r: dict(zip(columns, r, strict=True)),
        columns=columns,
        filename=f"kyoso-cases-{figure}.csv",
    )


# --- exports ----------------------------------------------------------------------------------

EXPORT_COLUMNS = [
    "id",
    "title",
    "summary",
    "prefecture",
    "municipality",
    "lg_code",
    "fields",
    "actors",
    "outcomes",
    "measures",
    "started_year",
    "ended_year",
    "published_at",
    "url",
]


def _export_queryset(request):
    filters = selectors.parse_filters(request.GET)
    ids = selectors.Results(filters).ordered_ids()
    return (
        selectors.published()
        .filter(pk__in=ids)
        .select_related("prefecture", "municipality")
        .prefetch_related("fields", "actors", "outcomes", "measures")
        .order_by("-published_at", "-id")
    )


def _export_row(c: Case) -> dict:
    return {
        "id": c.pk,
        "title": c.title,
        "summary": c.summary,
        "prefecture": c.prefecture.name,
        "municipality": c.municipality.name if c.municipality else "",
        "lg_code": c.municipality_id or "",
        "fields": " ".join(f.name for f in c.fields.all()),
        "actors": " / ".join(f"{a.name}（{a.get_role_display()}）" for a in c.actors.all()),
        "outcomes": " / ".join(
            f"{o.label} {o.display_value}（{o.source}）" for o in c.outcomes.all()
        ),
        "measures": " / ".join(m.title for m in c.measures.all()),
        "started_year": c.started_year,
        "ended_year": c.ended_year or "",
        "published_at": c.published_at.isoformat() if c.published_at else "",
        "url": settings.SITE_URL + c.get_absolute_url(),
    }


def export_csv(request):
    return csv_response(
        _export_queryset(request),
        row=_export_row,
        columns=EXPORT_COLUMNS,
        filename="kyoso-cases.csv",
    )


def export_json(request):
    return json_response(
        request, _export_queryset(request), row=_export_row, source=reverse("cases:list")
    )
