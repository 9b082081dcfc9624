"""One line of an events list, built in Python and kept per content version and language: a list
page shows twenty, and the template engine spent more on them than on the rest of the page; a
page whose lines are all kept reads no event from the database."""

from collections import OrderedDict

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from kyoso.core.templatetags.kyoso import yen

_cache: OrderedDict = OrderedDict()
CACHE_SIZE = 5_000


def _key(pk: int) -> tuple:
    from kyoso.search.engine import current_version

    return (pk, current_version(), get_language())


def rows_for(ids: list[int]) -> list[SafeString]:
    """The lines for a page of event ids, in that order."""
    from .selectors import events_by_id

    keys = {pk: _key(pk) for pk in ids}
    missing = [pk for pk, key in keys.items() if key not in _cache]
    if missing:
        for event in events_by_id(missing):
            item_html(event)
    return [_cache[keys[pk]] for pk in ids if keys[pk] in _cache]


def item_html(event) -> SafeString:
    key = _key(event.pk)
    html = _cache.get(key)
    if html is not None:
        _cache.move_to_end(key)
        return html
    badge = (
        format_html(
            '<span class="site-badge" data-type="alert">{}</span> ', event.get_state_display()
        )
        if event.state != event.State.SCHEDULED
        else ""
    )
    meta = [str(event.when_html), format_html("{}", event.get_format_display())]
    if event.has_venue and event.municipality_id:
        muni = event.municipality
        meta.append(format_html("{}{}", muni.prefecture.name, muni.name))
    meta.append(gettext("無料") if event.fee_free else yen(event.fee_amount))
    organiser = (
        format_html('<p class="site-meta" lang="ja">{}：{}</p>', gettext("主催"), event.organiser)
        if event.organiser
        else ""
    )
    html = format_html(
        '<li class="site-list__item"><h3 class="site-org__name">{}<a href="{}" lang="ja">{}</a>'
        '</h3><p class="site-meta">{}</p>{}</li>',
        badge,
        event.get_absolute_url(),
        event.display_title(),
        mark_safe(" ・ ".join(str(part) for part in meta)),  # noqa: S308 - each part is escaped
        organiser,
    )
    _cache[key] = html
    if len(_cache) > CACHE_SIZE:
        _cache.popitem(last=False)
    return html
