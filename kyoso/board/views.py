"""Board pages. Reading needs no account (except members-only boards); posting needs one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kyoso.accounts.verification import is_verified
from kyoso.core.decorators import staff_required
from kyoso.core.feeds import TextAtom1Feed
from kyoso.core.pagination import LazyWindow, paginate
from kyoso.core.urlcache import kept_reverse
from kyoso.notifications.delivery import is_following
from kyoso.platforms.access import access_platform, moderated_platform_ids
from kyoso.search.engine import Query, hits_for
from kyoso.search.memory import similar_keys

from . import access, actions, files, ratelimit, selectors
from .forms import (
    EditForm,
    PostModerationForm,
    ReplyForm,
    ReportForm,
    SuspendForm,
    ThreadForm,
    ThreadModerationForm,
)
from .models import Board, Post, Report, Thread
from .rows import post_html, thread_line
from .text import personal_info, quote, render_markdown

TITLE = gettext_lazy("交流掲示板")


def index(request):
    boards = access.readable_boards(request.user)
    counts = dict(
        Thread.objects.filter(is_hidden=False, board__in=[b.pk for b in boards])
        .values("board")
        .annotate(n=Count("id"))
        .values_list("board", "n")
    )
    for board in boards:
        board.thread_count = counts.get(board.pk, 0)
    groups = [
        (_("分野横断・テーマ別"), [b for b in boards if b.kind in ("cross", "topic")]),
        (_("分野別"), [b for b in boards if b.kind == "field"]),
        (_("都道府県"), [b for b in boards if b.kind == "platform"]),
    ]
    recent = selectors.recent_threads(boards=[b for b in boards if not b.members_only], limit=10)
    response = render(
        request,
        "board/index.html",
        {
            "groups": groups,
            "recent": recent,
            "verified": is_verified(request.user),
            "breadcrumbs": [(TITLE, None)],
        },
    )
    return response


def _board_page(request, board: Board, platform=None):
    sort = request.GET.get("sort", "activity")
    if sort not in selectors.SORTS:
        sort = "activity"
    moderator = access.is_moderator(request.user, board)
    total, fetch = selectors.board_threads(board, sort=sort, user=request.user, moderator=moderator)
    page = paginate(request, LazyWindow(total, fetch), per_page=selectors.PER_PAGE)
    threads = list(page.object_list)
    read = selectors.unread_numbers(request.user, [t["id"] for t in threads])
    page.object_list = [
        thread_line(
            board,
            thread,
            unread=request.user.is_authenticated
            and read.get(thread["id"], -1) < thread["last_number"],
        )
        for thread in threads
    ]
    if platform is not None:
        request.platform = platform
    crumbs = [(TITLE, kept_reverse("board:index")), (board.name, None)]
    if platform is not None:
        crumbs = [(platform.short_name(), platform.get_absolute_url()), (board.name, None)]
    response = render(
        request,
        "board/board.html",
        {
            "board": board,
            "page": page,
            "sort": sort,
            "sorts": [
                ("activity", _("最近の動き順")),
                ("new", _("新しい話題順")),
                ("same", _("「同じ悩み」が多い順")),
            ],
            "can_post": access.can_post(request.user, board),
            "following": is_following(request.user, "board", board.pk),
            "breadcrumbs": crumbs,
        },
    )
    return response


def board_page(request, board: str):
    return _board_page(request, access.access_board(request.user, board))


def platform_board(request, slug: str):
    platform = access_platform(slug)
    board = Board.objects.filter(kind=Board.Kind.PLATFORM, platform=platform).first()
    if board is None or not access.can_read_board(request.user, board):
        raise Http404
    return _board_page(request, board, platform)


def _limited(request):
    """The rate limit's answer in Japanese (None when the person may post now)."""
    until = ratelimit.consume(request)
    if until is None:
        return None
    return _(
        "短い時間に続けて投稿されたため、投稿を一時的に止めています。"
        "%(time)s 以降にもう一度投稿してください。"
    ) % {"time": date_format(until, "TIME_FORMAT")}


def _similar(title: str, body: str) -> list:
    """Existing public threads that share the most words with the title (and the start of the
    text): shown before posting, so people with the same problem find each other."""
    query = Query(text=f"{title} {body[:120]}".strip(), types=["board.thread"])
    return hits_for(similar_keys(query, "board.thread", limit=5), query)


@login_required
def thread_new(request, board: str):
    board = access.access_board(request.user, board)
    if not access.can_post(request.user, board):
        raise PermissionDenied
    form = ThreadForm()
    status = 200
    confirming = False
    similar, private_info = [], []
    limited = ""
    upload_token, upload_name = "", ""
    if request.method == "POST":
        form = ThreadForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            # A file chosen now waits in storage for the second step; one chosen at the first
            # step comes back by its token (browsers never resend a file input).
            attachment = data["checked_file"]
            if attachment is not None:
                upload_token = files.keep_pending(request.user, attachment)
            else:
                attachment = files.take_pending(request.user, request.POST.get("upload_token", ""))
                upload_token = attachment["token"] if attachment else ""
            upload_name = attachment["name"] if attachment else ""
            private_info = personal_info(f"{data['title']}\n{data['body']}")
            confirmed = request.POST.get("confirmed") == "1"
            if confirmed and private_info and not data.get("confirm_personal"):
                form.add_error(
                    "confirm_personal",
                    _(
                        "%(what)sのようなものが含まれています。公開してよいか確かめて、チェックを入れてください。"
                    )
                    % {"what": "・".join(private_info)},
                )
            elif confirmed:
                limited = _limited(request)
                if not limited:
                    thread, post = actions.thread_create(
                        user=request.user, board=board, data=data, attachment=attachment
                    )
                    if attachment is not None and attachment.get("token"):
                        files.drop_pending(attachment)
                    if post.state == Post.State.HELD:
                        messages.info(
                            request,
                            _(
                                "投稿を受け付けました。管理者が確認してから公開されます（公開されるまで、あなたと管理者だけが見られます）。"
                            ),
                        )
                    else:
                        messages.success(request, _("話題を立てました。"))
                    return redirect(thread.get_absolute_url())
            confirming = True
            similar = _similar(data["title"], data["body"])
        status = 429 if limited else 200 if (form.picker_step or confirming) else 422
    response = render(
        request,
        "board/thread_new.html",
        {
            "board": board,
            "form": form,
            "confirming": confirming,
            "upload_token": upload_token,
            "upload_name": upload_name,
            "similar": similar,
            "private_info": private_info,
            "limited": limited,
            "preview": render_markdown(form.cleaned_data.get("body", ""))
            if confirming and hasattr(form, "cleaned_data")
            else "",
            "breadcrumbs": [
                (TITLE, reverse("board:index")),
                (board.name, board.get_absolute_url()),
                (_("新しい話題"), None),
            ],
        },
        status=status,
    )
    return response


def _thread_context(request, board, thread, *, reply_form=None):
    # request.user is a lazy object: each attribute read goes through its proxy (twenty posts).
    user = request.user
    user_id, signed_in = user.pk, user.is_authenticated
    moderator = access.is_moderator(user, board)
    page = paginate(
        request,
        LazyWindow(
            thread.last_number,
            lambda limit, offset: selectors.posts_page(thread, offset // selectors.PER_PAGE + 1),
        ),
        per_page=selectors.PER_PAGE,
    )
    posts = list(page.object_list)
    now = timezone.now()
    for post in posts:
        post.mine = post.author_id == user_id
        post.show_text = post.is_visible or ((post.mine or moderator) and not post.is_deleted)
        post.html = render_markdown(post.body) if post.show_text else ""
        post.editable = post.mine and actions.can_still_edit(post, now)
    read_to = None
    if signed_in:
        from .models import ThreadRead

        row = ThreadRead.objects.filter(thread=thread, user=user).first()
        read_to = row.last_number if row else 0
        if posts:
            actions.mark_read(user=user, thread=thread, number=posts[-1].number)
    can_post = access.can_post(user, board) and not thread.is_locked
    csrf_input = ""
    if moderator:
        from django.middleware.csrf import get_token

        csrf_input = format_html(
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(request)
        )
    for post in posts:
        post.unread = read_to is not None and post.number > read_to
        post.row = post_html(
            post,
            signed_in=signed_in,
            can_post=can_post,
            moderator=moderator,
            csrf_input=str(csrf_input),
        )
    if reply_form is None and can_post:
        initial = {}
        quoted = request.GET.get("quote", "")
        if quoted.isdigit():
            source = Post.objects.filter(thread=thread, number=int(quoted)).first()
            if source is not None and source.is_visible:
                initial["body"] = quote(source.author.public_name, source.body)
        reply_form = ReplyForm(initial=initial)
    same_said = False
    if signed_in:
        from .models import SameProblem

        same_said = SameProblem.objects.filter(thread=thread, user=user).exists()
    return {
        "board": board,
        "thread": thread,
        "page": page,
        "posts": posts,
        "moderator": moderator,
        "can_post": can_post,
        "reply_form": reply_form,
        "same_said": same_said,
        "thread_fields": selectors.thread_fields(thread),
        "following": is_following(user, "thread", thread.pk),
        "other_boards": Board.objects.exclude(pk=board.pk) if moderator else [],
        "breadcrumbs": [
            (TITLE, kept_reverse("board:index")),
            (board.name, board.get_absolute_url()),
            (thread.title, None),
        ],
    }


def thread_page(request, board: str, pk: int):
    board = access.access_board(request.user, board)
    thread = access.access_thread(request.user, board, pk)
    response = render(request, "board/thread.html", _thread_context(request, board, thread))
    return response


@login_required
def reply(request, board: str, pk: int):
    board = access.access_board(request.user, board)
    thread = access.access_thread(request.user, board, pk)
    if request.method != "POST":
        return redirect(thread.get_absolute_url())
    if not access.can_post(request.user, board):
        raise PermissionDenied
    if thread.is_locked:
        messages.error(request, _("この話題はロックされているため、返信できません。"))
        return redirect(thread.get_absolute_url())
    form = ReplyForm(request.POST, request.FILES)
    status = 422
    if form.is_valid():
        body = form.cleaned_data["body"]
        found = personal_info(body)
        if found and not form.cleaned_data.get("confirm_personal"):
            form.add_error(
                "confirm_personal",
                _(
                    "%(what)sのようなものが含まれています。公開してよいか確かめて、チェックを入れてください。"
                )
                % {"what": "・".join(found)},
            )
        else:
            limited = _limited(request)
            if limited:
                form.add_error(None, limited)
                status = 429
            else:
                post = actions.reply_create(
                    user=request.user,
                    thread=thread,
                    body=body,
                    attachment=form.cleaned_data["checked_file"],
                )
                if post.state == Post.State.HELD:
                    messages.info(
                        request,
                        _("返信を受け付けました。管理者が確認してから公開されます。"),
                    )
                else:
                    messages.success(request, _("返信しました。"))
                return redirect(post.get_absolute_url())
    context = _thread_context(request, board, thread, reply_form=form)
    return render(request, "board/thread.html", context, status=status)


@login_required
def same_problem(request, board: str, pk: int):
    board = access.access_board(request.user, board)
    thread = access.access_thread(request.user, board, pk)
    if request.method == "POST":
        said = actions.same_problem_toggle(user=request.user, thread=thread)
        messages.success(
            request,
            _("「同じ悩みがあります」と伝えました。")
            if said
            else _("「同じ悩みがあります」を取り消しました。"),
        )
    return redirect(thread.get_absolute_url())


@login_required
def post_edit(request, pk: int):
    post = access.access_own_post(request.user, pk)
    if not actions.can_still_edit(post):
        messages.error(request, _("投稿から24時間を過ぎたため、編集できません。"))
        return redirect(post.get_absolute_url())
    form = EditForm(initial={"body": post.body, "title": post.thread.title})
    status = 200
    if request.method == "POST":
        form = EditForm(request.POST)
        if form.is_valid():
            title = form.cleaned_data.get("title") if post.number == 1 else None
            if post.number == 1 and not title:
                form.add_error("title", _("タイトルを入力してください。"))
            else:
                post = actions.post_edit(
                    user=request.user, post=post, body=form.cleaned_data["body"], title=title
                )
                messages.success(request, _("投稿を編集しました。「編集済み」と表示されます。"))
                return redirect(post.get_absolute_url())
        status = 422
    return render(
        request,
        "board/post_edit.html",
        {
            "post": post,
            "form": form,
            "breadcrumbs": [
                (TITLE, reverse("board:index")),
                (post.thread.title, post.thread.get_absolute_url()),
                (_("投稿の編集"), None),
            ],
        },
        status=status,
    )


def post_history(request, pk: int):
    post = access.access_post(request.user, pk)
    edits = list(post.edits.all()) if not post.is_deleted else []
    for edit in edits:
        edit.html = render_markdown(edit.body)
    response = render(
        request,
        "board/post_history.html",
        {
            "post": post,
            "html": render_markdown(post.body),
            "edits": edits,
            "breadcrumbs": [
                (TITLE, reverse("board:index")),
                (post.thread.title, post.thread.get_absolute_url()),
                (_("編集の履歴"), None),
            ],
        },
    )
    return response


@login_required
def post_delete(request, pk: int):
    post = access.access_own_post(request.user, pk)
    if request.method == "POST":
        actions.post_delete(user=request.user, post=post)
        messages.success(request, _("投稿を削除しました。"))
        return redirect(post.get_absolute_url())
    return render(
        request,
        "board/post_delete.html",
        {
            "post": post,
            "html": render_markdown(post.body),
            "breadcrumbs": [
                (TITLE, reverse("board:index")),
                (post.thread.title, post.thread.get_absolute_url()),
                (_("投稿の削除"), None),
            ],
        },
    )


@login_required
def post_report(request, pk: int):
    post = access.access_post(request.user, pk)
    form = ReportForm()
    status = 200
    if request.method == "POST":
        form = ReportForm(request.POST)
        if form.is_valid():
            actions.report_create(
                user=request.user,
                post=post,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
            )
            messages.success(
                request, _("通報を受け付けました。管理者が確認します。ありがとうございました。")
            )
            return redirect(post.get_absolute_url())
        status = 422
    return render(
        request,
        "board/post_report.html",
        {
            "post": post,
            "form": form,
            "html": render_markdown(post.body),
            "breadcrumbs": [
                (TITLE, reverse("board:index")),
                (post.thread.title, post.thread.get_absolute_url()),
                (_("通報"), None),
            ],
        },
        status=status,
    )


@staff_required
def post_moderate(request, pk: int):
    post = get_object_or_404(Post.objects.select_related("thread__board__platform"), pk=pk)
    board = post.thread.board
    if not access.can_read_board(request.user, board):
        raise Http404
    access.access_moderation(request.user, board)
    if request.method != "POST":
        return redirect(post.get_absolute_url())
    form = PostModerationForm(request.POST)
    if not form.is_valid():
        errors = form.errors.get("reason") or [_("操作を選び直してください。")]
        messages.error(request, errors[0])
        if request.POST.get("back") == "reports":
            return redirect("board:reports")
        return redirect(post.get_absolute_url())
    try:
        actions.post_moderate(
            actor=request.user,
            post=post,
            action=form.cleaned_data["action"],
            reason=form.cleaned_data["reason"].strip(),
        )
    except actions.NotAllowed:
        messages.error(request, _("この投稿にはその操作はできません。"))
    else:
        messages.success(request, _("操作を記録しました。"))
    if request.POST.get("back") == "reports":
        return redirect("board:reports")
    return redirect(post.get_absolute_url())


@staff_required
def thread_moderate(request, board: str, pk: int):
    board = access.access_board(request.user, board)
    thread = access.access_thread(request.user, board, pk)
    access.access_moderation(request.user, board)
    if request.method != "POST":
        return redirect(thread.get_absolute_url())
    form = ThreadModerationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("操作を選び直してください。"))
        return redirect(thread.get_absolute_url())
    target = form.cleaned_data.get("board")
    if target is not None and not access.is_moderator(request.user, target):
        raise PermissionDenied
    try:
        thread = actions.thread_moderate(
            actor=request.user,
            thread=thread,
            action=form.cleaned_data["action"],
            reason=form.cleaned_data["reason"],
            board=target,
        )
    except actions.NotAllowed:
        messages.error(request, _("移動先の掲示板を選んでください。"))
    else:
        messages.success(request, _("操作を記録しました。"))
    thread = Thread.objects.select_related("board").get(pk=thread.pk)
    return redirect(thread.get_absolute_url())


@staff_required
def user_suspend(request, pk: int):
    post = access.access_post(request.user, pk)
    board = post.thread.board
    access.access_moderation(request.user, board)
    if post.author_id == request.user.pk:
        raise PermissionDenied
    form = SuspendForm()
    status = 200
    if request.method == "POST":
        form = SuspendForm(request.POST)
        if form.is_valid():
            hidden = actions.user_suspend(
                actor=request.user,
                platform=board.platform,
                user=post.author,
                reason=form.cleaned_data["reason"],
                hide_all=form.cleaned_data["hide_all"],
            )
            messages.success(
                request,
                _("投稿を停止しました（非表示にした投稿：%(n)d件）。") % {"n": hidden},
            )
            return redirect(post.thread.get_absolute_url())
        status = 422
    return render(
        request,
        "board/user_suspend.html",
        {
            "post": post,
            "form": form,
            "breadcrumbs": [
                (TITLE, reverse("board:index")),
                (post.thread.title, post.thread.get_absolute_url()),
                (_("投稿の停止"), None),
            ],
        },
        status=status,
    )


@staff_required
def reports(request):
    """Open reports and held posts of the platforms this person moderates."""
    platform_ids = moderated_platform_ids(request.user)
    open_reports = Report.objects.filter(resolved_at__isnull=True).select_related(
        "post__thread__board", "post__author", "reporter"
    )
    held = Post.objects.filter(state=Post.State.HELD, is_deleted=False).select_related(
        "thread__board", "author"
    )
    if platform_ids is not None:
        open_reports = open_reports.filter(post__thread__board__platform_id__in=platform_ids)
        held = held.filter(thread__board__platform_id__in=platform_ids)
    open_reports = list(open_reports[:200])
    held = list(held.order_by("created_at")[:200])
    for item in open_reports:
        item.html = render_markdown(item.post.body)
    for post in held:
        post.html = render_markdown(post.body)
    return render(
        request,
        "board/reports.html",
        {
            "reports": open_reports,
            "held": held,
            "breadcrumbs": [(_("掲示板の通報・確認待ち"), None)],
        },
    )


class _ThreadFeed(Feed):
    feed_type = TextAtom1Feed

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        first = Post.objects.filter(thread=item, number=1).first()
        return (first.body if first and first.is_visible else "")[:300]

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.last_activity_at


class BoardFeed(_ThreadFeed):
    """New threads in all public boards together."""

    def title(self):
        return _("交流掲示板の新しい話題")

    def link(self):
        return reverse("board:index")

    def items(self):
        return (
            Thread.objects.filter(is_hidden=False, board__members_only=False)
            .select_related("board")
            .order_by("-created_at", "-id")[:30]
        )


class SingleBoardFeed(_ThreadFeed):
    """One public board's new threads (members-only boards have no feed: 404)."""

    def get_object(self, request, board: str):
        found = Board.objects.filter(slug=board, members_only=False).first()
        if found is None:
            raise Http404
        return found

    def title(self, obj):
        return _("交流掲示板「%(name)s」の新しい話題") % {"name": obj.name}

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return (
            Thread.objects.filter(board=obj, is_hidden=False)
            .select_related("board")
            .order_by("-created_at", "-id")[:30]
        )


def attachment(request, pk: int):
    """A post's image or PDF, under the post's own rules: a members-only board's, a hidden or a
    held post's files are 404 to everyone who may not see the post."""
    from django.http import FileResponse

    from .models import PostAttachment

    row = PostAttachment.objects.select_related("post").filter(pk=pk).first()
    if row is None:
        raise Http404
    post = access.access_post(request.user, row.post_id)
    if post.is_deleted:
        raise Http404
    try:
        handle = row.file.open("rb")
    except (FileNotFoundError, OSError, ValueError):
        raise Http404 from None
    private = post.thread.board.members_only or not post.is_visible
    if row.kind == row.Kind.IMAGE:
        response = FileResponse(handle, content_type="image/png")
        response["Content-Disposition"] = "inline"
    else:
        from urllib.parse import quote

        response = FileResponse(handle, content_type="application/pdf")
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(row.original_name)}"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store" if private else "public, max-age=3600"
    return response
