"""The signed-in user's own page: profile, roles and what they submitted (with review results)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kyoso.core.blocks import MY_PAGE, blocks_for
from kyoso.core.decorators import staff_required
from kyoso.moderation.selectors import proposed_revisions, submitted_items
from kyoso.platforms.selectors import platform_roles

from .actions import profile_update
from .forms import ProfileForm


@login_required
def me(request):
    form = ProfileForm(instance=request.user)
    status = 200
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=request.user)
        if form.is_valid():
            profile_update(actor=request.user, form=form)
            messages.success(request, _("プロフィールを保存しました。"))
            return redirect("accounts:me")
        status = 422
    response = render(
        request,
        "accounts/me.html",
        {
            "form": form,
            "roles": platform_roles().filter(user=request.user),
            "submissions": submitted_items(user=request.user),
            "proposals": proposed_revisions(user=request.user),
            "contributed": blocks_for(MY_PAGE, user=request.user),
            "breadcrumbs": [(_("マイページ"), None)],
        },
        status=status,
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def verification(request):
    """Ask to be verified as municipal staff or a coordinator, and see where the request is."""
    from . import verification as verify
    from .forms import VerificationForm
    from .models import Verification

    form = VerificationForm()
    status = 200
    if request.method == "POST":
        form = VerificationForm(request.POST)
        if form.is_valid():
            row = verify.request_verification(user=request.user, data=form.cleaned_data)
            if row.status == Verification.Status.APPROVED:
                messages.success(
                    request,
                    _("自治体のメールアドレスで確認できました。会員限定の掲示板に参加できます。"),
                )
            else:
                messages.success(
                    request,
                    _(
                        "申請を受け付けました。都道府県の管理者が確認し、結果をメールでお知らせします。"
                    ),
                )
            return redirect("accounts:verification")
        status = 200 if form.picker_step else 422
    return render(
        request,
        "accounts/verification.html",
        {
            "form": form,
            "current": verify.approved(request.user),
            "waiting": verify.open_request(request.user),
            "history": Verification.objects.filter(user=request.user)
            .select_related("municipality")
            .exclude(status=Verification.Status.PENDING)[:10],
            "breadcrumbs": [
                (_("マイページ"), reverse("accounts:me")),
                (_("自治体職員・コーディネーターの確認"), None),
            ],
        },
        status=status,
    )


@staff_required
def verification_queue(request):
    """Requests for the admins of each prefecture (all prefectures for national admins)."""
    from kyoso.core.pagination import paginate

    from . import verification as verify
    from .models import Verification

    state = request.GET.get("state", "pending")
    if state not in Verification.Status.values:
        state = "pending"
    rows = verify.decidable(request.user).filter(status=state)
    return render(
        request,
        "accounts/verification_queue.html",
        {
            "page": paginate(request, rows, per_page=30),
            "state": state,
            "states": Verification.Status.choices,
            "breadcrumbs": [(_("本人確認の申請"), None)],
        },
    )


@staff_required
def verification_decide(request, pk: int):
    from . import verification as verify
    from .forms import VerificationDecisionForm

    row = verify.access_decision(request.user, pk)
    form = VerificationDecisionForm()
    status = 200
    if request.method == "POST":
        form = VerificationDecisionForm(request.POST)
        if form.is_valid():
            try:
                verify.decide(
                    actor=request.user,
                    row=row,
                    decision=form.cleaned_data["decision"],
                    reason=form.cleaned_data["reason"].strip(),
                )
            except ValueError:
                messages.error(request, _("この申請はすでに処理されています。"))
                return redirect("accounts:verification_decide", pk=row.pk)
            messages.success(request, _("結果を保存し、本人にメールで知らせました。"))
            return redirect("accounts:verification_queue")
        status = 422
    matches = verify.matches_municipality(row.user, row.municipality)
    return render(
        request,
        "accounts/verification_decide.html",
        {
            "row": row,
            "form": form,
            "addresses": verify.confirmed_addresses(row.user),
            "lg_domain": verify.lg_domain(row.municipality),
            "matches": matches,
            "breadcrumbs": [
                (_("本人確認の申請"), reverse("accounts:verification_queue")),
                (str(row.user.public_name), None),
            ],
        },
        status=status,
    )
