"""One line of the measures list, built in Python and kept per content version, language and day
(the 受付中 badge counts days): a page whose lines are kept reads no measure from the database."""

from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from kyoso.core.lines import LineCache
from kyoso.core.templatetags.kyoso import fiscal_year, yen


def _render(m) -> SafeString:
    meta = [m.get_kind_display(), m.agency, fiscal_year(m.fiscal_year)]
    if m.budget_amount:
        meta.append(yen(m.budget_amount))
    badge = (
        format_html(
            ' ・ <span class="site-badge" data-type="active">{}</span>',
            gettext("受付中（あと%(n)s日）") % {"n": m.days_left},
        )
        if m.is_open
        else ""
    )
    return format_html(
        '<li class="site-list__item"><h3 class="site-org__name"><a href="{}" lang="ja">{}</a></h3>'
        '<p class="site-meta">{}{}</p><p lang="ja">{}</p></li>',
        m.get_absolute_url(),
        m.title,
        " ・ ".join(str(part) for part in meta),
        badge,
        m.summary,
    )


def _fetch(ids):
    from .selectors import measures_by_id

    return measures_by_id(ids)


LINES = LineCache(
    fetch=_fetch,
    render=_render,
    extra=lambda: (timezone.localdate(),),
    scope="measures.measure",
)
rows_for = LINES.lines
