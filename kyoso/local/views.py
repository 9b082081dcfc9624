"""Local issues (地域課題) with their suggestions and answers, meeting records and the
coordinators' directory."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kyoso.accounts.verification import approved
from kyoso.board.ratelimit import consume
from kyoso.core.cache import cache_anonymous_page
from kyoso.core.downloads import file_download
from kyoso.core.facets_html import labelled, municipality_options, select_options
from kyoso.core.filters import parse_region_filters
from kyoso.core.pagination import LazyWindow, paginate
from kyoso.directory.access import listed_organisations_of
from kyoso.platforms.access import access_platform, can_moderate
from kyoso.regions import reference

from . import matching, selectors
from .access import (
    access_answer,
    access_issue,
    access_issue_manage,
    access_meeting,
    access_meeting_edit,
    can_manage_issue,
    can_post,
    visible_meetings,
)
from .actions import (
    answer_create,
    issue_create,
    issue_hide,
    issue_restore,
    issue_set_state,
    issue_update,
    meeting_save,
    message_create,
)
from .forms import AnswerForm, HideForm, IssueForm, MeetingForm, MessageForm, StateForm
from .models import LocalIssue


def _limited(request, template, context):
    """The posting limit's answer: 429 with the time posting is possible again, form kept."""
    until = consume(request, "local-post")
    if until is None:
        return None
    context["limit_until"] = until
    messages.error(
        request,
        _(
            "短い時間に続けて投稿されたため、%(time)sまで投稿できません。入力した内容は残っています。"
        )
        % {"time": until.strftime("%H:%M")},
    )
    return render(request, template, context, status=429)


def _list(request, platform):
    params = request.GET.copy()
    if platform is not None:
        params["pref"] = platform.prefecture_id
        request.platform = platform
    filters = parse_region_filters(params)
    state = request.GET.get("state", "open")
    state = state if state in LocalIssue.State.values or state == "all" else "open"
    results = selectors.Results(filters, state)
    ordered = [r.pk for r in results.rows]
    page = paginate(
        request,
        LazyWindow(
            results.total,
            lambda limit, offset: selectors.issues_page(ordered[offset : offset + limit]),
        ),
        per_page=20,
    )
    by_state, by_field = results.by_state, results.by_field
    state_options = [("all", _("すべて"), sum(by_state.values()))] + [
        (v, label, by_state.get(v, 0)) for v, label in labelled(LocalIssue.State)
    ]
    crumbs = [(platform.short_name(), platform.get_absolute_url())] if platform else []
    context = {
        "platform": platform,
        "filters": filters,
        "state": state,
        "page": page,
        "pref_options": select_options(
            [(code, name, None) for code, name in reference.prefecture_names()],
            filters.prefecture.code if filters.prefecture else "",
            empty_label=_("すべての都道府県"),
        ),
        "muni_options": municipality_options(filters, empty_label=_("市区町村を指定しない")),
        "field_options_html": select_options(
            [(slug, name, by_field.get(slug, 0)) for slug, name in reference.field_names()],
            filters.field_slugs[0] if filters.field_slugs else "",
            empty_label=_("すべての分野"),
        ),
        "state_options": select_options(state_options, state),
        "can_post": can_post(request.user),
        "breadcrumbs": [*crumbs, (_("地域課題"), None)],
    }
    return render(request, "local/list.html", context)


@cache_anonymous_page
def issue_list(request):
    return _list(request, None)


@cache_anonymous_page
def platform_issue_list(request, slug: str):
    return _list(request, access_platform(slug))


def issue_detail(request, pk: int):
    issue = access_issue(request.user, pk)
    user = request.user
    orgs = listed_organisations_of(user)
    answers = list(issue.answers.select_related("organisation").annotate(n=Count("messages")))
    if can_manage_issue(user, issue) or (
        user.is_authenticated and can_moderate(user, issue.platform)
    ):
        visible_answers = answers
    else:
        mine = set(orgs.values_list("pk", flat=True))
        visible_answers = [a for a in answers if a.organisation_id in mine]
    answered = {a.organisation_id for a in answers}
    answerable = orgs.exclude(pk__in=answered)
    form = AnswerForm(organisations=answerable)
    context = {
        "issue": issue,
        "fields": issue.fields.all(),
        "organisations": matching.organisations_for(issue),
        "cases": matching.cases_for(issue),
        "measures": matching.measures_for(issue),
        "answers": visible_answers,
        "answer_count": len(answers),
        "answer_form": form if answerable.exists() and issue.state != "solved" else None,
        "can_manage": can_manage_issue(user, issue),
        "can_moderate": user.is_authenticated and can_moderate(user, issue.platform),
        "state_form": StateForm(initial={"state": issue.state}),
        "hide_form": HideForm(),
        "breadcrumbs": [(_("地域課題"), reverse("local:list")), (issue.title, None)],
    }
    response = render(request, "local/detail.html", context)
    if user.is_authenticated:
        response["Cache-Control"] = "private, no-store"
    return response


@login_required
def issue_new(request):
    if not can_post(request.user):
        raise PermissionDenied
    meeting = None
    raw = request.GET.get("meeting", "") or request.POST.get("meeting", "")
    if raw.isdigit() and len(raw) < 12:
        meeting = access_meeting(request.user, int(raw))
    initial = {}
    if meeting is not None:
        initial = {
            "title": meeting.title,
            "municipality": meeting.municipality_id,
            "description": meeting.issues_found,
        }
    else:
        mine = approved(request.user)
        initial = {"municipality": mine.municipality_id}
    form = IssueForm(initial=initial)
    status = 200
    context = {"form": form, "meeting": meeting}
    if request.method == "POST":
        form = IssueForm(request.POST)
        context["form"] = form
        if form.is_valid():
            limited = _limited(request, "local/form.html", context)
            if limited is not None:
                return limited
            issue = issue_create(actor=request.user, form=form, meeting=meeting)
            messages.success(
                request,
                _("地域課題を投稿しました。地域と分野の合う団体にお知らせしました。"),
            )
            return redirect(issue.get_absolute_url())
        status = 200 if form.picker_step else 422
    context["breadcrumbs"] = [
        (_("地域課題"), reverse("local:list")),
        (_("地域課題を投稿する"), None),
    ]
    return render(request, "local/form.html", context, status=status)


@login_required
def issue_edit(request, pk: int):
    issue = access_issue_manage(request.user, pk)
    form = IssueForm(instance=issue)
    status = 200
    if request.method == "POST":
        form = IssueForm(request.POST, instance=issue)
        if form.is_valid():
            issue_update(actor=request.user, issue=issue, form=form)
            messages.success(request, _("地域課題を更新しました。"))
            return redirect(issue.get_absolute_url())
        status = 200 if form.picker_step else 422
    crumbs = [(_("地域課題"), reverse("local:list")), (issue.title, issue.get_absolute_url())]
    return render(
        request,
        "local/form.html",
        {"form": form, "issue": issue, "breadcrumbs": [*crumbs, (_("編集"), None)]},
        status=status,
    )


@login_required
@require_POST
def issue_state(request, pk: int):
    issue = access_issue_manage(request.user, pk)
    form = StateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("状況を選んでください。"))
        return redirect(issue.get_absolute_url())
    issue_set_state(actor=request.user, issue=issue, state=form.cleaned_data["state"])
    messages.success(
        request, _("状況を「%(state)s」にしました。") % {"state": issue.get_state_display()}
    )
    return redirect(issue.get_absolute_url())


@login_required
def issue_case(request, pk: int):
    """Turn the issue into a case: the case form starts filled in from it."""
    issue = access_issue_manage(request.user, pk)
    return redirect(reverse("cases:new") + f"?from=issue-{issue.pk}")


@login_required
def issue_hide_view(request, pk: int):
    issue = access_issue(request.user, pk)
    if not can_moderate(request.user, issue.platform):
        raise PermissionDenied
    form = HideForm()
    status = 200
    if request.method == "POST":
        if request.POST.get("action") == "restore":
            issue_restore(actor=request.user, issue=issue)
            messages.success(request, _("地域課題を表示に戻しました。"))
            return redirect(issue.get_absolute_url())
        form = HideForm(request.POST)
        if form.is_valid():
            issue_hide(actor=request.user, issue=issue, reason=form.cleaned_data["reason"])
            messages.success(
                request, _("地域課題を非表示にしました。投稿した方に理由を表示します。")
            )
            return redirect(issue.get_absolute_url())
        status = 422
    return render(
        request,
        "local/hide.html",
        {
            "issue": issue,
            "form": form,
            "breadcrumbs": [(issue.title, issue.get_absolute_url()), (_("非表示にする"), None)],
        },
        status=status,
    )


@login_required
@require_POST
def answer_new(request, pk: int):
    issue = access_issue(request.user, pk)
    orgs = listed_organisations_of(request.user)
    if not orgs.exists():
        raise PermissionDenied
    if issue.state == LocalIssue.State.SOLVED:
        messages.error(request, _("この地域課題は解決済みです。"))
        return redirect(issue.get_absolute_url())
    answered = issue.answers.values_list("organisation_id", flat=True)
    form = AnswerForm(request.POST, organisations=orgs.exclude(pk__in=answered))
    if not form.is_valid():
        messages.error(
            request,
            _("協力の申し出を送れませんでした：%(errors)s")
            % {"errors": " ".join(e for errs in form.errors.values() for e in errs)},
        )
        return redirect(issue.get_absolute_url() + "#answer")
    if consume(request, "local-post") is not None:
        messages.error(
            request, _("短い時間に続けて投稿されたため、しばらくしてから送ってください。")
        )
        return redirect(issue.get_absolute_url() + "#answer")
    answer = answer_create(
        actor=request.user,
        issue=issue,
        organisation=form.cleaned_data["organisation"],
        body=form.cleaned_data["body"],
    )
    messages.success(request, _("「協力できます」を送りました。投稿した方に知らせました。"))
    return redirect(answer.get_absolute_url())


@login_required
def answer_detail(request, pk: int):
    answer = access_answer(request.user, pk)
    form = MessageForm()
    status = 200
    if request.method == "POST":
        form = MessageForm(request.POST)
        if form.is_valid():
            if consume(request, "local-post") is not None:
                messages.error(
                    request, _("短い時間に続けて投稿されたため、しばらくしてから送ってください。")
                )
                status = 429
            else:
                message_create(actor=request.user, answer=answer, body=form.cleaned_data["body"])
                messages.success(request, _("メッセージを送りました。"))
                return redirect(answer.get_absolute_url())
        else:
            status = 422
    issue = answer.issue
    return render(
        request,
        "local/answer.html",
        {
            "answer": answer,
            "issue": issue,
            "thread": answer.messages.select_related("author"),
            "form": form,
            "breadcrumbs": [
                (_("地域課題"), reverse("local:list")),
                (issue.title, issue.get_absolute_url()),
                (answer.organisation.name, None),
            ],
        },
        status=status,
    )


# --- meeting records ----------------------------------------------------------------------


@login_required
def meeting_list(request):
    meetings = visible_meetings(request.user).select_related("municipality__prefecture")
    page = paginate(request, meetings.order_by("-held_on", "-id"), per_page=20)
    response = render(
        request,
        "local/meetings.html",
        {
            "page": page,
            "can_post": can_post(request.user),
            "breadcrumbs": [(_("協議体・タウンミーティングの記録"), None)],
        },
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def meeting_new(request):
    if not can_post(request.user):
        raise PermissionDenied
    mine = approved(request.user)
    form = MeetingForm(initial={"municipality": mine.municipality_id})
    status = 200
    if request.method == "POST":
        form = MeetingForm(request.POST, request.FILES)
        if form.is_valid():
            meeting = meeting_save(actor=request.user, form=form)
            messages.success(request, _("会議の記録を保存しました。"))
            return redirect(meeting.get_absolute_url())
        status = 200 if form.picker_step else 422
    crumbs = [
        (_("協議体・タウンミーティングの記録"), reverse("local:meetings")),
        (_("会議を記録する"), None),
    ]
    return render(
        request, "local/meeting_form.html", {"form": form, "breadcrumbs": crumbs}, status=status
    )


@login_required
def meeting_edit(request, pk: int):
    meeting = access_meeting_edit(request.user, pk)
    form = MeetingForm(instance=meeting)
    status = 200
    if request.method == "POST":
        form = MeetingForm(request.POST, request.FILES, instance=meeting)
        if form.is_valid():
            meeting_save(actor=request.user, form=form, meeting=meeting)
            messages.success(request, _("会議の記録を保存しました。"))
            return redirect(meeting.get_absolute_url())
        status = 200 if form.picker_step else 422
    crumbs = [
        (_("協議体・タウンミーティングの記録"), reverse("local:meetings")),
        (meeting.title, meeting.get_absolute_url()),
        (_("編集"), None),
    ]
    return render(
        request,
        "local/meeting_form.html",
        {"form": form, "meeting": meeting, "breadcrumbs": crumbs},
        status=status,
    )


@login_required
def meeting_detail(request, pk: int):
    meeting = access_meeting(request.user, pk)
    response = render(
        request,
        "local/meeting.html",
        {
            "meeting": meeting,
            "issues": meeting.issues.filter(is_hidden=False),
            "can_edit": meeting.author_id == request.user.pk
            or can_moderate(request.user, meeting.platform),
            "is_author": meeting.author_id == request.user.pk,
            "can_post": can_post(request.user),
            "breadcrumbs": [
                (_("協議体・タウンミーティングの記録"), reverse("local:meetings")),
                (meeting.title, None),
            ],
        },
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def meeting_file(request, pk: int):
    meeting = access_meeting(request.user, pk)
    if not meeting.attachment:
        raise Http404
    is_pdf = meeting.attachment_name.lower().endswith(".pdf")
    return file_download(
        meeting.attachment,
        name=meeting.attachment_name or "file",
        content_type="application/pdf" if is_pdf else "image/png",
        private=True,
    )


@login_required
def meeting_case(request, pk: int):
    meeting = access_meeting_edit(request.user, pk)
    return redirect(reverse("cases:new") + f"?from=meeting-{meeting.pk}")


# --- coordinators -------------------------------------------------------------------------


def coordinators(request):
    """Verified members (and staff) see the coordinators' profiles; everyone else sees only how
    many there are per municipality — never a name."""
    from kyoso.accounts.models import Verification
    from kyoso.platforms.access import has_staff_role

    filters = parse_region_filters(request.GET)
    rows = Verification.objects.filter(
        status=Verification.Status.APPROVED, role=Verification.Role.COORDINATOR
    )
    if filters.prefecture is not None:
        rows = rows.filter(municipality__prefecture_id=filters.prefecture.code)
    if filters.municipality is not None:
        rows = rows.filter(municipality_id=filters.municipality.lg_code)
    insider = approved(request.user) is not None or has_staff_role(request.user)
    if insider:
        page = paginate(
            request,
            rows.select_related("user", "municipality__prefecture").order_by(
                "municipality__prefecture_id", "municipality__name_kana", "layer", "id"
            ),
            per_page=30,
        )
        counts = None
    else:
        page = None
        key = "municipality_id" if filters.prefecture else "municipality__prefecture_id"
        labels = (
            reference.municipality_labels()
            if filters.prefecture
            else {p.code: p.display_name() for p in reference.prefectures()}
        )
        counts = [
            (code, labels.get(code, code), n)
            for code, n in rows.values_list(key).annotate(n=Count("id")).order_by(key)
        ]
    response = render(
        request,
        "local/coordinators.html",
        {
            "filters": filters,
            "insider": insider,
            "page": page,
            "counts": counts,
            "pref_options": select_options(
                [(code, name, None) for code, name in reference.prefecture_names()],
                filters.prefecture.code if filters.prefecture else "",
                empty_label=_("すべての都道府県"),
            ),
            "breadcrumbs": [(_("生活支援コーディネーター"), None)],
        },
    )
    response["Cache-Control"] = "private, no-store"
    return response


def my_matches(user) -> list[tuple[object, list[LocalIssue]]]:
    """For マイページ: each of the person's organisations with the open issues that match it."""
    found = []
    for org in listed_organisations_of(user)[:10]:
        issues = matching.issues_for_organisation(org, limit=10)
        if issues:
            found.append((org, issues))
    return found
