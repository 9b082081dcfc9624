"""One line of the local issues list, built in Python and kept per content version and
language; the answer count (which changes without a new version) is put in per request."""

from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext

from kyoso.core.lines import LineCache


def _render(issue) -> tuple[SafeString, SafeString]:
    fields = "、".join(f.display_name() for f in issue.fields.all())
    deadline = (
        gettext("%(date)sまで") % {"date": date_format(issue.deadline, "DATE_FORMAT")}
        if issue.deadline
        else ""
    )
    meta = " ・ ".join(
        part
        for part in (
            f"{issue.municipality.prefecture.name}{issue.municipality.name}",
            fields,
            deadline,
        )
        if part
    )
    before = format_html(
        '<li class="site-list__item"><h3 class="site-org__name"><a href="{}" lang="ja">{}</a> '
        '<span class="site-badge" data-type="{}">{}</span></h3><p class="site-meta">{} ・ ',
        issue.get_absolute_url(),
        issue.title,
        "active" if issue.state == "open" else "pending",
        issue.get_state_display(),
        meta,
    )
    text = issue.description
    after = format_html(
        '</p><p lang="ja">{}</p></li>', text if len(text) <= 140 else text[:139] + "…"
    )
    return before, after


def _fetch(ids):
    from .models import LocalIssue

    found = {
        i.pk: i
        for i in LocalIssue.objects.filter(pk__in=ids)
        .select_related("municipality__prefecture")
        .prefetch_related("fields")
    }
    return [found[i] for i in ids if i in found]


LINES = LineCache(fetch=_fetch, render=_render, scope="local.localissue")


def lines_for(ids: list[int], answers: dict[int, int]) -> list[SafeString]:
    parts = LINES.lines(ids)
    return [
        format_html(
            "{}{}{}",
            before,
            ngettext("協力の申し出 %(counter)s件", "協力の申し出 %(counter)s件", answers.get(pk, 0))
            % {"counter": answers.get(pk, 0)},
            after,
        )
        for pk, (before, after) in zip(ids, parts, strict=False)
    ]
