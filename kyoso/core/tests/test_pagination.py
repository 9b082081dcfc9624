"""Page links keep the list's filters and are elided around the current page."""

from django.core.paginator import Paginator
from django.test import RequestFactory

from kyoso.core.pagination import pagination_html


def test_links_keep_filters_and_center_on_the_current_page():
    request = RequestFactory().get("/directory/", {"q": "見守り&<x>", "page": "12", "pref": "13"})
    page = Paginator(range(1000), 20).get_page(12)
    html = str(pagination_html(request, page))
    assert (
        'href="?q=%E8%A6%8B%E5%AE%88%E3%82%8A%26%3Cx%3E&amp;pref=13&amp;page=11" rel="prev"' in html
    )
    query = "?q=%E8%A6%8B%E5%AE%88%E3%82%8A%26%3Cx%3E&amp;pref=13&amp;page="
    assert f'href="{query}12" aria-current="page"' in html
    assert ">10<" in html and ">14<" in html and ">50<" in html and "…" in html
    assert "12 / 50 ページ" in html and "<x>" not in html
    assert pagination_html(request, Paginator(range(5), 20).get_page(1)) == ""
