"""Municipality suggestions for pickers (an htmx fragment; the forms work without it)."""

from django.db.models import Q
from django.shortcuts import render

from kyoso.core.text import clean_param

from .models import Municipality


def municipality_suggestions(request):
    q = clean_param(request.GET.get("muni_q", ""), 40)
    results = []
    if q:
        results = list(
            Municipality.objects.filter(is_active=True)
            .filter(Q(name__contains=q) | Q(name_kana__startswith=q) | Q(lg_code__startswith=q))
            .select_related("prefecture")
            .order_by("lg_code")[:20]
        )
    return render(request, "regions/_municipality_suggestions.html", {"q": q, "results": results})
