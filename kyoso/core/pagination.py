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


class LazyWindow:
    """A sequence for Paginator whose length is known and whose pages are fetched on demand
    (from the search engine, or with a query of its own), so only one page is ever loaded."""

    def __init__(self, total: int, fetch):
        self.total, self.fetch = total, fetch

    def __len__(self) -> int:
        return self.total

    def count(self) -> int:
        return self.total

    def __getitem__(self, item: slice):
        return self.fetch(limit=item.stop - item.start, offset=item.start)
