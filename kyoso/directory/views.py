"""Member directory pages: list and search, profile, apply, edit, members, admin tools, export."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kyoso.core.blocks import ORGANISATION, blocks_for
from kyoso.core.cache import cache_anonymous_page
from kyoso.core.decorators import staff_required
from kyoso.core.downloads import file_download
from kyoso.core.facets_html import checkboxes, labelled, municipality_options, select_options
from kyoso.core.media import video_embed_url
from kyoso.core.opendata import csv_response, json_response
from kyoso.core.pagination import LazyWindow, paginate
from kyoso.moderation.edit_flow import answer_edit
from kyoso.moderation.revisions import LIVE_STATES, pending_revision_for
from kyoso.platforms.access import access_platform, can_administer, can_moderate
from kyoso.regions import reference

from . import selectors
from .access import (
    access_organisation_admin,
    access_organisation_edit,
    access_organisation_public,
    is_member,
    is_owner,
)
from .actions import (
    invitation_accept,
    invitation_create,
    invitation_withdraw,
    membership_remove,
    organisation_apply,
    organisation_set_agency,
    organisation_suspend,
    organisation_unsuspend,
    organisation_update,
)
from .forms import InvitationForm, OrganisationForm, SuspendForm
from .models import Invitation, Membership, Organisation
from .revisions import SPEC

PER_PAGE = 20


def _crumbs(platform, *items):
    crumbs = []
    if platform is not None:
        crumbs.append((platform.short_name(), platform.get_absolute_url()))
    return crumbs + list(items)


def _list(request, platform):
    filters = selectors.parse_filters(request.GET)
    results = selectors.Results(filters, platform)
    page = paginate(request, LazyWindow(results.total, _page_fetcher(results)), per_page=PER_PAGE)
    facets = results.facets()
    context = {
        "platform": platform,
        "filters": filters,
        "page": page,
        "total": results.total,
        "capped": False,
        "kind_checks": checkboxes(
            "kind",
            "dir-kind",
            [(v, label, facets["kind"].get(v, 0)) for v, label in labelled(Organisation.Kind)],
            filters.kinds,
        ),
        "scale_checks": checkboxes(
            "scale",
            "dir-scale",
            [(v, label, facets["scale"].get(v, 0)) for v, label in labelled(Organisation.Scale)],
            filters.scales,
        ),
        "field_checks": checkboxes(
            "field",
            "dir-field",
            [(slug, name, facets["field"].get(slug, 0)) for slug, name in reference.field_names()],
            filters.field_slugs,
        ),
        "muni_options": municipality_options(filters, empty_label=_("指定しない（都道府県全体）")),
        "pref_options": select_options(
            [
                (code, name, facets["pref"].get(code, 0))
                for code, name in reference.prefecture_names()
            ],
            filters.prefecture.code if filters.prefecture and not filters.municipality else "",
            empty_label=_("指定しない"),
        ),
        "sorts": [("kana", _("あいうえお順")), ("new", _("新着順"))]
        + ([("relevance", _("関連度順"))] if filters.q else []),
        "breadcrumbs": _crumbs(platform, (_("賛同団体・官公庁一覧"), None)),
        "feed_query": request.GET.urlencode(),  # for the export links, built once (as events)
        # htmx asked for the results only: they also carry the municipality control (out of band).
        "htmx": bool(request.headers.get("HX-Request")),
    }
    if platform is not None:
        request.platform = platform
    if context["htmx"]:
        return render(request, "directory/partials/_results.html", context)
    return render(request, "directory/list.html", context)


def _page_fetcher(results):
    return lambda limit, offset: results.page(limit=limit, offset=offset)


@cache_anonymous_page
def organisation_list(request):
    return _list(request, None)


@cache_anonymous_page
def platform_organisation_list(request, slug: str):
    return _list(request, access_platform(slug))


def _detail(request, org: Organisation):
    user = request.user
    context = {
        "org": org,
        "video_embed": video_embed_url(org.video_url),
        "fields": org.fields.all(),
        "prefectures": org.area_prefectures.all(),
        "municipalities": org.area_municipalities.select_related("prefecture"),
        "is_owner": is_owner(user, org),
        "can_moderate": user.is_authenticated and can_moderate(user, org.platform),
        "breadcrumbs": [(_("賛同団体・官公庁一覧"), reverse("directory:list")), (org.name, None)],
        "contributed": blocks_for(ORGANISATION, organisation=org) if org.is_listed else [],
    }
    return render(request, "directory/detail.html", context)


@cache_anonymous_page
def organisation_detail(request, pk: int):
    return _detail(request, access_organisation_public(pk=pk))


@cache_anonymous_page
def organisation_detail_by_slug(request, slug: str):
    return _detail(request, access_organisation_public(slug=slug))


@login_required
def organisation_apply_view(request):
    form = OrganisationForm()
    status = 200
    if request.method == "POST":
        form = OrganisationForm(request.POST, request.FILES)
        if form.is_valid():
            org = organisation_apply(actor=request.user, form=form)
            messages.success(
                request,
                _("「%(name)s」の登録を申請しました。審査の結果はメールでお知らせします。")
                % {"name": org.name},
            )
            return redirect("accounts:me")
        status = 200 if form.picker_step else 422
    crumbs = [
        (_("賛同団体・官公庁一覧"), reverse("directory:list")),
        (_("賛同団体の登録申請"), None),
    ]
    return render(
        request, "directory/apply.html", {"form": form, "breadcrumbs": crumbs}, status=status
    )


@login_required
def organisation_edit(request, pk: int):
    org = access_organisation_edit(request.user, pk)
    waiting = pending_revision_for(org, request.user)
    form = OrganisationForm(instance=org, editing=True)
    if waiting is not None:
        form.initial.update(SPEC.to_initial(waiting.data))
    status = 200
    if request.method == "POST":
        form = OrganisationForm(request.POST, request.FILES, instance=org, editing=True)
        response, status = answer_edit(
            request,
            form=form,
            obj=org,
            save=lambda: organisation_update(actor=request.user, org=org, form=form),
            saved_message=_("団体の情報を更新しました。"),
            public_url=lambda: org.get_absolute_url() if org.is_listed else None,
        )
        if response is not None:
            return response
    crumbs = [(_("賛同団体・官公庁一覧"), reverse("directory:list")), (org.name, None)]
    return render(
        request,
        "directory/edit.html",
        {
            "form": form,
            "org": org,
            "waiting": waiting,
            "goes_live": org.status not in LIVE_STATES or can_moderate(request.user, org.platform),
            "breadcrumbs": crumbs,
        },
        status=status,
    )


@login_required
def organisation_members(request, pk: int):
    org = _owner_org(request, pk)
    form = InvitationForm()
    status = 200
    if request.method == "POST":
        form = InvitationForm(request.POST)
        if form.is_valid():
            try:
                invitation_create(actor=request.user, org=org, email=form.cleaned_data["email"])
            except ValidationError as exc:
                form.add_error("email", exc)
                status = 429
            else:
                messages.success(request, _("招待メールを送りました。招待は7日間有効です。"))
                return redirect("directory:members", pk=org.pk)
        else:
            status = 422
    crumbs = [(org.name, reverse("directory:edit", kwargs={"pk": org.pk})), (_("メンバー"), None)]
    open_invitations = [i for i in org.invitations.filter(accepted_at__isnull=True) if i.is_open]
    response = render(
        request,
        "directory/members.html",
        {
            "org": org,
            "form": form,
            "members": org.memberships.select_related("user"),
            "invitations": open_invitations,
            "breadcrumbs": crumbs,
        },
        status=status,
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _owner_org(request, pk: int) -> Organisation:
    org = access_organisation_edit(request.user, pk)
    if not is_owner(request.user, org):
        raise PermissionDenied
    return org


@login_required
def membership_remove_view(request, pk: int, membership_id: int):
    """GET asks for confirmation; POST ends the membership (audited)."""
    org = _owner_org(request, pk)
    membership = get_object_or_404(
        Membership.objects.select_related("user"), pk=membership_id, organisation=org
    )
    status = 200
    if request.method == "POST":
        try:
            membership_remove(actor=request.user, membership=membership)
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
            status = 409
        else:
            messages.success(
                request,
                _("%(email)s をメンバーから外しました。") % {"email": membership.user.email},
            )
            return redirect("directory:members", pk=org.pk)
    crumbs = [
        (org.name, reverse("directory:members", kwargs={"pk": org.pk})),
        (_("メンバーから外す"), None),
    ]
    return render(
        request,
        "directory/member_remove.html",
        {"org": org, "membership": membership, "breadcrumbs": crumbs},
        status=status,
    )


@login_required
@require_POST
def invitation_withdraw_view(request, pk: int, invitation_id: int):
    org = _owner_org(request, pk)
    invitation = get_object_or_404(
        Invitation, pk=invitation_id, organisation=org, accepted_at__isnull=True
    )
    if invitation.withdrawn_at is None:
        invitation_withdraw(actor=request.user, invitation=invitation)
    messages.success(
        request, _("%(email)s への招待を取り消しました。") % {"email": invitation.email}
    )
    return redirect("directory:members", pk=org.pk)


@login_required
def invitation_accept_view(request, token: str):
    invitation = get_object_or_404(Invitation.objects.select_related("organisation"), token=token)
    if invitation.accepted_at is not None:
        messages.info(request, _("この招待はすでに使われています。"))
        return redirect("accounts:me")
    if invitation.email.lower() != request.user.email.lower():
        raise PermissionDenied
    crumbs = [(_("団体への招待"), None)]
    if not invitation.is_open:
        return render(
            request,
            "directory/accept.html",
            {"invitation": invitation, "expired": True, "breadcrumbs": crumbs},
            status=410,
        )
    if request.method == "POST":
        invitation_accept(user=request.user, invitation=invitation)
        messages.success(
            request,
            _("「%(name)s」のメンバーになりました。") % {"name": invitation.organisation.name},
        )
        return redirect("accounts:me")
    return render(
        request, "directory/accept.html", {"invitation": invitation, "breadcrumbs": crumbs}
    )


@staff_required
@require_POST
def organisation_agency_view(request, pk: int):
    """The platform's admins confirm that an organisation is a 府省庁 or 都道府県 (which lets its
    members register measures), or withdraw that confirmation. Audited."""
    org = access_organisation_admin(request.user, pk)
    if not can_administer(request.user, org.platform):
        raise PermissionDenied
    verified = request.POST.get("verified") == "1"
    organisation_set_agency(actor=request.user, org=org, verified=verified)
    if verified:
        message = _("「%(name)s」を行政機関として確認しました。メンバーは施策を登録できます。")
    else:
        message = _("「%(name)s」の行政機関としての確認を取り消しました。")
    messages.success(request, message % {"name": org.name})
    return redirect("directory:history", pk=org.pk)


@staff_required
def organisation_suspend_view(request, pk: int):
    org = access_organisation_admin(request.user, pk)
    form = SuspendForm()
    status = 200
    if request.method == "POST":
        if request.POST.get("action") == "unsuspend":
            organisation_unsuspend(actor=request.user, org=org)
            messages.success(request, _("掲載を再開しました。"))
            return redirect(org.get_absolute_url())
        form = SuspendForm(request.POST)
        if form.is_valid():
            organisation_suspend(actor=request.user, org=org, reason=form.cleaned_data["reason"])
            messages.success(
                request,
                _("「%(name)s」の掲載を停止しました。データは残っています。") % {"name": org.name},
            )
            return redirect("directory:history", pk=org.pk)
        status = 422
    crumbs = [(org.name, None), (_("掲載停止"), None)]
    return render(
        request,
        "directory/suspend.html",
        {"org": org, "form": form, "breadcrumbs": crumbs},
        status=status,
    )


@staff_required
def organisation_history(request, pk: int):
    org = access_organisation_admin(request.user, pk)
    crumbs = [(_("賛同団体・官公庁一覧"), reverse("directory:list")), (org.name, None)]
    return render(
        request,
        "directory/history.html",
        {
            "org": org,
            "revisions": org.revisions.select_related("actor")[:50],
            "members": org.memberships.select_related("user"),
            "similar": selectors.similar_organisations(org),
            "can_administer": can_administer(request.user, org.platform),
            "breadcrumbs": crumbs,
        },
    )


def logo(request, name: str):
    """A logo by its stored name; unknown names are 404 without touching the file system."""
    org = Organisation.objects.select_related("platform").filter(logo=name).first()
    if org is None:
        raise Http404
    if not org.is_listed:
        user = request.user
        if not (
            is_member(user, org) or (user.is_authenticated and can_moderate(user, org.platform))
        ):
            raise Http404
    response = file_download(
        org.logo, name="logo.png", content_type="image/png", private=not org.is_listed
    )
    response["Content-Disposition"] = "inline"
    if org.is_listed:
        response["Cache-Control"] = "public, max-age=3600"
    return response


EXPORT_COLUMNS = [
    "id",
    "name",
    "name_kana",
    "kind",
    "scale",
    "fields",
    "area",
    "description",
    "homepage",
    "public_contact",
    "platform",
    "url",
    "updated_at",
]


def _export_queryset(request):
    filters = selectors.parse_filters(request.GET)
    return selectors._with_related(selectors.filtered(filters)).order_by("name_kana", "id")


def _export_row(org: Organisation) -> dict:
    if org.area_kind == Organisation.AreaKind.NATIONWIDE:
        area = "全国"
    elif org.area_kind == Organisation.AreaKind.PREFECTURES:
        area = " ".join(p.name for p in org.area_prefectures.all())
    else:
        area = " ".join(f"{m.prefecture.name}{m.name}" for m in org.area_municipalities.all())
    return {
        "id": org.pk,
        "name": org.name,
        "name_kana": org.name_kana,
        "kind": org.get_kind_display(),
        "scale": org.get_scale_display(),
        "fields": " ".join(f.name for f in org.fields.all()),
        "area": area,
        "description": org.description,
        "homepage": org.homepage if org.homepage_consent else "",
        "public_contact": org.public_contact,
        "platform": str(org.platform.short_name()),
        "url": settings.SITE_URL + org.get_absolute_url(),
        "updated_at": org.updated_at.isoformat(),
    }


def export_csv(request):
    return csv_response(
        _export_queryset(request),
        row=_export_row,
        columns=EXPORT_COLUMNS,
        filename="kyoso-directory.csv",
    )


def export_json(request):
    return json_response(
        request, _export_queryset(request), row=_export_row, source=reverse("directory:list")
    )
