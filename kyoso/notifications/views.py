"""The on-site notification list with mail settings, follow buttons and one-click unsubscribe."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from kyoso.core.pagination import paginate

from . import delivery, targets
from .forms import FollowForm, PreferenceForm
from .models import Follow, Notification, Preference


@login_required
def notification_list(request):
    preference, _created = Preference.objects.get_or_create(user=request.user)
    form = PreferenceForm(instance=preference)
    status = 200
    if request.method == "POST":
        if request.POST.get("action") == "read_all":
            Notification.objects.filter(user=request.user, read_at__isnull=True).update(
                read_at=timezone.now()
            )
            messages.success(request, _("すべて既読にしました。"))
            return redirect("notifications:list")
        form = PreferenceForm(request.POST, instance=preference)
        if form.is_valid():
            form.save()
            messages.success(request, _("メールの受け取り方を保存しました。"))
            return redirect("notifications:list")
        status = 422
    rows = Notification.objects.filter(user=request.user)
    page = paginate(request, rows, per_page=30)
    shown = [n for n in page.object_list if delivery.may_see(request.user, n.gate)]
    unread_ids = [n.pk for n in shown if n.read_at is None]
    for n in shown:
        n.unread = n.read_at is None
    response = render(
        request,
        "notifications/list.html",
        {
            "page": page,
            "rows": shown,
            "form": form,
            "follows": Follow.objects.filter(user=request.user).order_by("target", "label"),
            "breadcrumbs": [(_("お知らせ・フォロー"), None)],
        },
        status=status,
    )
    if unread_ids:
        Notification.objects.filter(pk__in=unread_ids).update(read_at=timezone.now())
    return response


@login_required
def follow(request):
    if request.method != "POST":
        return redirect("notifications:list")
    form = FollowForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("フォローする対象が正しくありません。"))
    target, key = form.cleaned_data["target"], form.cleaned_data["key"]
    label = targets.label_for(request.user, target, key)
    if label is None:
        raise Http404
    if form.cleaned_data["follow"] == "1":
        delivery.follow(request.user, target, key, label)
        messages.success(request, _("「%(label)s」をフォローしました。") % {"label": label})
    else:
        delivery.unfollow(request.user, target, key)
        messages.success(request, _("「%(label)s」のフォローをやめました。") % {"label": label})
    next_url = form.cleaned_data.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = ""
    if not next_url.startswith("/") or next_url.startswith("//"):
        next_url = ""
    return redirect(next_url or "notifications:list")


@csrf_exempt  # RFC 8058 one-click: the mail client POSTs with no session and no token
def unsubscribe(request, token: str):
    user = delivery.user_from_token(token)
    if user is None:
        raise Http404
    done = False
    if request.method == "POST":
        Preference.objects.update_or_create(
            user=user, defaults={"frequency": Preference.Frequency.OFF}
        )
        Notification.objects.filter(user=user, mail=Notification.Mail.PENDING).update(
            mail=Notification.Mail.NONE
        )
        done = True
    response = render(
        request,
        "notifications/unsubscribe.html",
        {"done": done, "token": token, "breadcrumbs": [(_("メールの停止"), None)]},
    )
    response["Cache-Control"] = "private, no-store"
    return response
