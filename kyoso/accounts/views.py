"""The signed-in user's own page: profile, roles and what they submitted (with review results)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kyoso.core.blocks import MY_PAGE, blocks_for
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
