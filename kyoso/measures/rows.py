"""One line of the measures list, built in Python and kept per content version, language and day
(the 受付中 badge counts days): a page whose lines are kept reads no measure from the database."""

from collections import OrderedDict

from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext

from kyoso.core.templatetags.kyoso import fiscal_year, yen

_cache: OrderedDict = OrderedDict()
CACHE_SIZE = 5_000


def _key(pk: int) -> tuple:
    from kyoso.search.engine import current_version

    return (pk, current_version(), get_language(), timezone.localdate())


def rows_for(ids: list[int]) -> list[SafeString]:
    from .selectors import measures_by_id

    keys = {pk: _key(pk) for pk in ids}
    missing = [pk for pk, key in keys.items() if key not in _cache]
    if missing:
        for measure in measures_by_id(missing):
            _cache[keys[measure.pk]] = _render(measure)
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return [_cache[keys[pk]] for pk in ids if keys[pk] in _cache]


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
