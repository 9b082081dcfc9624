"""Dashboards: every figure the apps contribute (kyoso.core.dashboard), per prefecture for the
national admins with a map of Japan, per municipality for a prefecture's admins, each with a CSV.
A page costs one or two queries per figure, however many prefectures or municipalities there are;
nothing is cached or stored, so the figures are what the rows say at that moment."""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kyoso.core import dashboard
from kyoso.core.decorators import staff_required
from kyoso.core.opendata import csv_response
from kyoso.regions import reference
from kyoso.regions.maps import prefecture_map

from .access import require_national_admin
from .manage import access_own_platform
from .models import Platform


def _cell(figure, value):
    if figure.kind == "latest":
        return timezone.localtime(value).date().isoformat() if value else ""
    return value or 0


def national_table():
    figures = dashboard.figures()
    values = {f.key: f.by_prefecture() for f in figures}
    platforms = {p.prefecture_id: p for p in Platform.objects.exclude(prefecture=None)}
    rows = []
    for pref in reference.prefectures():
        platform = platforms.get(pref.code)
        rows.append(
            {
                "pref": pref,
                "platform": platform,
                "cells": [_cell(f, values[f.key].get(pref.code)) for f in figures],
            }
        )
    totals = [sum(values[f.key].values()) if f.kind == "count" else "" for f in figures]
    return figures, values, rows, totals


@staff_required
def national(request):
    require_national_admin(request.user)
    figures, values, rows, totals = national_table()
    counts = [f for f in figures if f.kind == "count"]
    chosen = dashboard.get(request.GET.get("figure", "")) or next(
        (f for f in counts if f.key == "cases"), counts[0] if counts else None
    )
    if chosen is None or chosen.kind != "count":
        raise Http404
    label = str(chosen.label)
    chart = prefecture_map(
        values[chosen.key],
        title=_("都道府県ごとの%(figure)s") % {"figure": label},
        description=_("%(figure)sの数を色の濃さで表した日本地図です。同じ数を下の表に示します。")
        % {"figure": label},
        label=lambda name, n: (
            ngettext("%(name)s：%(n)s", "%(name)s：%(n)s", n) % {"name": name, "n": n}
        ),
        legend_title=_("色の濃さと%(figure)sの数") % {"figure": label},
        link=lambda code: reverse("platforms:platform_dashboard", kwargs={"slug": _slug(code)}),
        map_id="dashboard-map",
    )
    return render(
        request,
        "platforms/dashboard.html",
        {
            "figures": figures,
            "counts": counts,
            "chosen": chosen,
            "rows": rows,
            "totals": totals,
            "map": chart,
            "breadcrumbs": [(_("ダッシュボード"), None)],
        },
    )


def _slug(code: str) -> str:
    pref = reference.prefectures_by_code().get(code)
    return pref.slug if pref else code


@staff_required
def national_csv(request):
    require_national_admin(request.user)
    figures, _values, rows, _totals = national_table()
    columns = ["code", "prefecture", "status"] + [f.key for f in figures]
    return csv_response(
        rows,
        row=lambda r: {
            "code": r["pref"].code,
            "prefecture": r["pref"].name,
            "status": "active" if r["platform"] and r["platform"].is_active else "preparing",
            **{f.key: cell for f, cell in zip(figures, r["cells"], strict=True)},
        },
        columns=columns,
        filename="kyoso-dashboard.csv",
    )


def prefecture_table(platform):
    code = platform.prefecture_id
    figures = [f for f in dashboard.figures() if f.by_municipality is not None]
    values = {f.key: f.by_municipality(code) for f in figures}
    rows = [
        {"code": lg, "name": name, "cells": [values[f.key].get(lg, 0) for f in figures]}
        for lg, name in reference.municipalities_of(code)
    ]
    return figures, rows


@staff_required
def prefecture(request, slug: str):
    platform = access_own_platform(request.user, slug)
    code = platform.prefecture_id
    totals = [(f, _cell(f, f.by_prefecture().get(code))) for f in dashboard.figures()]
    figures, rows = prefecture_table(platform)
    only_active = request.GET.get("all") != "1"
    shown = [r for r in rows if any(r["cells"])] if only_active else rows
    return render(
        request,
        "platforms/platform_dashboard.html",
        {
            "platform": platform,
            "totals": totals,
            "figures": figures,
            "rows": shown,
            "hidden": len(rows) - len(shown),
            "breadcrumbs": [
                (platform.short_name(), platform.get_absolute_url()),
                (_("ダッシュボード"), None),
            ],
        },
    )


@staff_required
def prefecture_csv(request, slug: str):
    platform = access_own_platform(request.user, slug)
    figures, rows = prefecture_table(platform)
    return csv_response(
        rows,
        row=lambda r: {
            "lg_code": r["code"],
            "municipality": r["name"],
            **{f.key: cell for f, cell in zip(figures, r["cells"], strict=True)},
        },
        columns=["lg_code", "municipality"] + [f.key for f in figures],
        filename=f"kyoso-dashboard-{platform.slug}.csv",
    )
