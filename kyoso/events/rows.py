"""One line of an events list, built in Python and kept per content version and language: a list
page shows twenty, and the template engine spent more on them than on the rest of the page; a
page whose lines are all kept reads no event from the database."""

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from kyoso.core.lines import LineCache
from kyoso.core.templatetags.kyoso import yen


def _render(event) -> SafeString:
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
    return html


def _fetch(ids):
    from .selectors import events_by_id

    return events_by_id(ids)


LINES = LineCache(fetch=_fetch, render=_render, scope="events.event")
rows_for = LINES.lines
item_html = LINES.line
