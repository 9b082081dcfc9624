"""One line of the cases list, built in Python and kept per content version and language."""

from django.utils.html import format_html
from django.utils.safestring import SafeString

from kyoso.core.lines import LineCache


def _render(c) -> SafeString:
    return format_html(
        '<li class="site-list__item"><h3 class="site-org__name"><a href="{}" lang="ja">{}</a></h3>'
        '<p class="site-meta">{} ・ {}</p><p lang="ja">{}</p></li>',
        c.get_absolute_url(),
        c.title,
        c.region_label(),
        c.period_label,
        c.summary,
    )


def _fetch(ids):
    from .selectors import cases_by_id

    return cases_by_id(ids)


LINES = LineCache(fetch=_fetch, render=_render, scope="cases.case")
rows_for = LINES.lines
