"""A thread page's posts as HTML built in Python: twenty posts through template tags cost more
than the rest of the page (the same choice as the directory's list lines, decision record 0004)."""

import functools
from html import escape

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _


@functools.lru_cache(maxsize=4096)
def _when(created, language: str) -> tuple[str, str]:
    local = localtime(created)
    return escape(local.isoformat()), escape(date_format(local, "DATETIME_FORMAT"))


def post_html(post, *, signed_in: bool, can_post: bool, moderator: bool, csrf_input: str) -> str:
    """One post as an <li>, every value escaped (f-strings with html.escape: twenty posts with
    format_html cost more than the rest of the page)."""
    iso, when = _when(post.created_at, get_language() or "")
    head = (
        f'<span class="site-post__number">{post.number}</span> '
        f"<strong>{escape(post.author.public_name)}</strong>"
    )
    if post.badge:
        head += f' <span class="site-badge" data-type="active">{escape(post.badge)}</span>'
    head += f' ・ <time datetime="{iso}">{when}</time>'
    if post.edited_at and not post.is_deleted:
        url = reverse("board:post_history", kwargs={"pk": post.pk})
        head += f' ・ <a href="{escape(url)}">{escape(_("編集済み"))}</a>'
    if post.unread:
        head += f' ・ <span class="site-badge" data-type="pending">{escape(_("未読"))}</span>'
    parts = [f'<p class="site-post__head">{head}</p>', str(_body(post))]
    if signed_in and not post.is_deleted:
        tools = []
        if can_post and post.is_visible:
            tools.append(
                format_html('<a href="?quote={}#reply">{}</a>', post.number, _("引用して返信"))
            )
        links = []
        if post.editable:
            links.append(("board:post_edit", _("編集")))
        if post.mine:
            links.append(("board:post_delete", _("削除")))
        elif post.is_visible:
            links.append(("board:post_report", _("通報")))
        tools += [
            format_html('<a href="{}">{}</a>', reverse(name, kwargs={"pk": post.pk}), label)
            for name, label in links
        ]
        if tools:
            parts.append(
                format_html('<p class="site-post__tools">{}</p>', mark_safe(" ・ ".join(tools)))  # noqa: S308
            )
    if moderator and not post.is_deleted:
        parts.append(str(_moderation(post, csrf_input)))
    unread = " site-post--unread" if post.unread else ""
    return mark_safe(  # noqa: S308 - every part is escaped above
        f'<li class="site-post{unread}" id="post-{post.number}">{"".join(parts)}</li>'
    )


def _banner(kind: str, text) -> str:
    return format_html(
        '<div class="dads-notification-banner" data-type="{}" data-style="color-chip">'
        '<p class="dads-notification-banner__text">{}</p></div>',
        kind,
        text,
    )


def _body(post) -> str:
    if post.is_deleted:
        return format_html('<p class="site-post__gone">{}</p>', _("この投稿は削除されました。"))
    if post.is_hidden and not post.show_text:
        return format_html(
            '<p class="site-post__gone">{}</p>', _("この投稿は管理者により非表示になりました。")
        )
    if post.state == "held" and not post.show_text:
        return format_html(
            '<p class="site-post__gone">{}</p>', _("この投稿は管理者の確認待ちです。")
        )
    out = []
    if post.is_hidden:
        out.append(
            _banner(
                "warning",
                _(
                    "この投稿は非表示になっています（あなたと管理者だけが見られます）。理由：%(reason)s"
                )
                % {"reason": post.hidden_reason},
            )
        )
    if post.state == "held":
        reason = {
            "ng_word": _(
                "使わないようお願いしている言葉が含まれていたため、管理者の確認を待っています。"
            ),
            "first_link": _(
                "はじめての投稿にリンクが含まれていたため、管理者の確認を待っています。"
            ),
        }.get(post.held_reason, _("はじめての投稿のため、管理者の確認を待っています。"))
        out.append(_banner("info-1", reason))
    out.append(f'<div class="site-post__body" lang="ja">{conditional_escape(post.html)}</div>')
    attachments = getattr(post, "attachment_list", None)
    out.extend(
        _attachment(a) for a in (post.attachments.all() if attachments is None else attachments)
    )
    return mark_safe("".join(str(o) for o in out))  # noqa: S308 - built with format_html


def _attachment(row) -> str:
    url = reverse("board:attachment", kwargs={"pk": row.pk})
    if row.kind == "image":
        return format_html(
            '<p class="site-post__image"><img src="{}" alt="{}" loading="lazy"></p>', url, row.alt
        )
    from kyoso.measures.files import human_size

    return format_html(
        '<p class="site-post__file"><a href="{}">{}</a>（PDF・{}）</p>',
        url,
        row.original_name,
        human_size(row.size),
    )


def _moderation(post, csrf_input: str) -> str:
    buttons = []
    if post.is_hidden:
        buttons.append(("restore", "outline", _("表示に戻す")))
    else:
        buttons.append(("hide", "outline", _("非表示にする")))
    if post.state == "held":
        buttons.append(("approve", "solid-fill", _("確認して公開する")))
    html = "".join(
        str(
            format_html(
                '<button class="dads-button" data-type="{}" data-size="sm" type="submit" '
                'name="action" value="{}">{}</button>',
                style,
                action,
                label,
            )
        )
        for action, style, label in buttons
    )
    suspend = (
        format_html(
            '<a href="{}">{}</a>',
            reverse("board:user_suspend", kwargs={"pk": post.pk}),
            _("この人の投稿を停止する"),
        )
        if not post.mine
        else ""
    )
    return format_html(
        '<form method="post" action="{}" class="site-moderation">{}'
        '<label for="reason-{}">{}</label>'
        '<input id="reason-{}" class="dads-input-text" name="reason" maxlength="1000">{}{}</form>',
        reverse("board:post_moderate", kwargs={"pk": post.pk}),
        mark_safe(csrf_input),  # noqa: S308 - Django's own hidden input
        post.pk,
        _("理由（投稿した人に伝わります）"),
        post.pk,
        mark_safe(html),  # noqa: S308 - built with format_html
        suspend,
    )


def thread_line(board, thread: dict, *, unread: bool) -> str:
    """A board list's line for a thread (a dict from selectors.board_threads), every value
    escaped."""
    badge = '<span class="site-badge"{}>{}</span>'
    title = ""
    if thread["is_pinned"]:
        title += badge.format("", escape(_("ピン留め"))) + " "
    if unread:
        title += badge.format(' data-type="pending"', escape(_("未読あり"))) + " "
    url = f"{board.get_absolute_url()}{thread['id']}/"
    title += f'<a href="{escape(url)}" lang="ja">{escape(thread["title"])}</a>'
    if thread["is_locked"]:
        title += " " + badge.format("", escape(_("ロック中")))
    if thread["is_hidden"]:
        title += " " + badge.format(' data-type="rejected"', escape(_("非表示・確認待ち")))
    author = thread["author__display_name"] or str(_("名前未設定のユーザー"))
    meta = escape(author)
    if thread["municipality_id"]:
        meta += f" ・ {escape(thread['municipality__name'])}"
    replies = thread["reply_count"]
    meta += " ・ " + escape(
        ngettext("返信%(counter)s件", "返信%(counter)s件", replies) % {"counter": replies}
    )
    meta += " ・ " + escape(_("同じ悩み %(n)s人") % {"n": thread["same_count"]})
    _iso, when = _when(thread["last_activity_at"], get_language() or "")
    meta += f" ・ {escape(_('最終更新'))} {when}"
    if thread["is_demo"]:
        meta += " ・ " + badge.format("", escape(_("デモ")))
    return mark_safe(  # noqa: S308 - every value above is escaped
        f'<li class="site-list__item"><p class="site-list__title">{title}</p>'
        f'<p class="site-meta">{meta}</p></li>'
    )
