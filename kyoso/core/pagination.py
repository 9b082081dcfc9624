"""One pagination helper: bad ?page= values never raise, they fall back to a valid page."""

from django.core.paginator import Page, Paginator


def paginate(request, items, *, per_page: int = 20) -> Page:
    paginator = Paginator(items, per_page)
    return paginator.get_page(request.GET.get("page"))


def page_query(request, number: int) -> str:
    """The current query string with only `page` replaced (filters survive paging)."""
    query = request.GET.copy()
    query["page"] = number
    return query.urlencode()
