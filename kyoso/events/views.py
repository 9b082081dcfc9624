"""Events pages: upcoming and past lists with filters, month calendar, detail (JSON-LD, .ics),
register, edit, cancel / postpone, iCalendar and Atom feeds."""

import calendar as pycalendar
import datetime
import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kyoso.core.cache import cache_anonymous_page
from kyoso.core.downloads import file_download
from kyoso.core.facets_html import (
    checkboxes,
    labelled,
    municipality_options,
    prefecture_options,
    select_options,
)
from kyoso.core.feeds import TextAtom1Feed
from kyoso.core.opendata import csv_response, json_response
from kyoso.core.pagination import LazyWindow, paginate
from kyoso.directory.access import listed_organisations_of
from kyoso.moderation.edit_flow import answer_edit
from kyoso.moderation.revisions import LIVE_STATES, pending_revision_for
from kyoso.platforms.access import access_platform, can_moderate
from kyoso.regions import reference

from . import applications, ics, opendata, selectors
from .access import (
    access_event_edit,
    access_event_public,
    can_edit_event,
    registrable_platforms,
)
from .actions import event_register, event_set_state, event_update
from .forms import (
    ApplicationForm,
    EventForm,
    ImportForm,
    MailApplicantsForm,
    StateForm,
)
from .models import Event
from .revisions import SPEC
from .rows import rows_for

TITLE = gettext_lazy("イベント情報")


def _crumbs(platform, *rest):
    crumbs = [(platform.short_name(), platform.get_absolute_url())] if platform else []
    return crumbs + list(rest)


def _list(request, platform, *, past: bool = False):
    filters = selectors.parse_filters(request.GET)
    results = selectors.Results(filters, platform, past=past)
    ordered = results.ordered_ids()
    page = paginate(
        request,
        LazyWindow(
            results.total,
            lambda limit, offset: rows_for(ordered[offset : offset + limit]),
        ),
        per_page=20,
    )
    facets = results.facets()
    if platform is not None:
        request.platform = platform
    unset = _("指定しない")
    muni_options = municipality_options(filters, empty_label=_("市区町村を指定しない"))
    context = {
        "platform": platform,
        "past": past,
        "filters": filters,
        "page": page,
        "pref_options": prefecture_options(
            filters.prefecture.code if filters.prefecture else "", empty_label=unset
        ),
        "muni_options": muni_options,
        "field_options_html": select_options(
            [(slug, name, facets["field"].get(slug, 0)) for slug, name in reference.field_names()],
            filters.field_slugs[0] if filters.field_slugs else "",
            empty_label=_("すべての分野"),
        ),
        "audience_options": select_options(
            [(v, label, facets["audience"].get(v, 0)) for v, label in labelled(Event.Audience)],
            filters.audience,
            empty_label=unset,
        ),
        "format_checks": checkboxes(
            "format",
            "e-format",
            [(v, label, facets["format"].get(v, 0)) for v, label in labelled(Event.Format)],
            filters.formats,
        ),
        "can_register": request.user.is_authenticated
        and registrable_platforms(request.user).exists(),
        "feed_query": request.GET.urlencode(),
        "htmx": bool(request.headers.get("HX-Request")),
        "breadcrumbs": _crumbs(
            platform,
            *(
                [(TITLE, reverse("events:list")), (_("終了したイベント"), None)]
                if past
                else [(TITLE, None)]
            ),
        ),
    }
    template = "events/partials/_results.html" if context["htmx"] else "events/list.html"
    return render(request, template, context)


@cache_anonymous_page
def event_list(request):
    return _list(request, None)


@cache_anonymous_page
def event_past(request):
    return _list(request, None, past=True)


@cache_anonymous_page
def platform_event_list(request, slug: str):
    return _list(request, access_platform(slug))


def _month(year: int, month: int) -> datetime.date:
    if not (1990 <= year <= 2100 and 1 <= month <= 12):
        raise Http404
    return datetime.date(year, month, 1)


@cache_anonymous_page
def event_calendar(request, year: int | None = None, month: int | None = None):
    today = timezone.localdate()
    first = _month(year, month) if year is not None else today.replace(day=1)
    days = selectors.month_events(first.year, first.month)
    weeks = []
    for week in pycalendar.Calendar(firstweekday=6).monthdatescalendar(first.year, first.month):
        weeks.append([(d, d.month == first.month, days.get(d, [])) for d in week])
    prev_month = (first - datetime.timedelta(days=1)).replace(day=1)
    next_month = (first + datetime.timedelta(days=32)).replace(day=1)
    context = {
        "first": first,
        "weeks": weeks,
        "days_with_events": sorted((d, evs) for d, evs in days.items()),
        "today": today,
        "prev_month": prev_month,
        "next_month": next_month,
        "breadcrumbs": [(TITLE, reverse("events:list")), (_("カレンダー"), None)],
    }
    return render(request, "events/calendar.html", context)


def _json_ld(event: Event) -> str:
    status = {
        Event.State.SCHEDULED: "EventScheduled",
        Event.State.CANCELLED: "EventCancelled",
        Event.State.POSTPONED: "EventPostponed",
    }[event.state]
    mode = {
        Event.Format.VENUE: "OfflineEventAttendanceMode",
        Event.Format.ONLINE: "OnlineEventAttendanceMode",
        Event.Format.HYBRID: "MixedEventAttendanceMode",
    }[event.format]
    locations = []
    if event.has_venue:
        place = {
            "@type": "Place",
            "name": event.venue_name,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": event.address,
                "addressRegion": event.municipality.prefecture.name if event.municipality else "",
                "addressLocality": event.municipality.name if event.municipality else "",
                "addressCountry": "JP",
            },
        }
        if event.lat is not None and event.lng is not None:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": event.lat,
                "longitude": event.lng,
            }
        locations.append(place)
    if event.is_online:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    start, end = event.local_start(), event.local_end()
    if event.all_day:
        start, end = start.date(), end.date()
    organiser = event.organiser or event.platform.short_name()
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": strip_tags(event.description)[:500],
        "startDate": start.isoformat(),
        "endDate": end.isoformat(),
        "eventStatus": f"https://schema.org/{status}",
        "eventAttendanceMode": f"https://schema.org/{mode}",
        "location": locations[0] if len(locations) == 1 else locations,
        "url": settings.SITE_URL + event.get_absolute_url(),
        "offers": {
            "@type": "Offer",
            "price": 0 if event.fee_free else (event.fee_amount or 0),
            "priceCurrency": "JPY",
            "url": settings.SITE_URL + event.get_absolute_url(),
        },
        "organizer": {"@type": "Organization", "name": organiser},
        **(
            {"image": settings.SITE_URL + reverse("events:image", kwargs={"pk": event.pk})}
            if event.image
            else {}
        ),
        "inLanguage": "ja",
    }
    # Inside <script type="application/ld+json">: no "</" may close the element early.
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


@cache_anonymous_page
def event_detail(request, pk: int):
    event = access_event_public(pk)
    related = selectors.related(event)
    address = " ".join(
        filter(
            None,
            [
                event.municipality.prefecture.name if event.municipality else "",
                event.address,
            ],
        )
    )
    context = {
        "event": event,
        "fields": event.fields.all(),
        "related": related,
        "changes": list(event.changes.all()[:20]),
        "json_ld": _json_ld(event),
        "map_query": address,
        "days_left": event.days_to_deadline(),
        "applications_open": applications.is_open(event),
        "places_left": applications.places_left(event) if event.takes_applications else None,
        "can_edit": can_edit_event(request.user, event),
        "can_moderate": request.user.is_authenticated
        and can_moderate(request.user, event.platform),
        "breadcrumbs": [(TITLE, reverse("events:list")), (event.title, None)],
    }
    # Its anonymous cached copy offers the form until the deadline passes or the event starts,
    # not until midnight: the events' moment source (selectors.next_moment) bounds it.
    return render(request, "events/detail.html", context)


def event_ics(request, pk: int):
    event = access_event_public(pk)
    response = HttpResponse(
        ics.calendar([event], name=event.title), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="kyoso-event-{event.pk}.ics"'
    return response


def feed_ics(request):
    """A calendar anyone can subscribe to, for any filter of the list (upcoming events)."""
    filters = selectors.parse_filters(request.GET)
    results = selectors.Results(filters, None)
    events = selectors.events_by_id(results.ordered_ids()[:500])
    name = str(TITLE)
    if filters.prefecture is not None:
        name += f"（{filters.prefecture.display_name()}）"
    response = HttpResponse(
        ics.calendar(events, name=name), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="kyoso-events.ics"'
    return response


@login_required
def event_new(request, slug: str | None = None):
    platforms = registrable_platforms(request.user)
    if not platforms.exists():
        raise PermissionDenied
    organisations = list(listed_organisations_of(request.user))
    form = EventForm(platforms=platforms)
    if slug is not None:
        chosen = access_platform(slug)
        if not platforms.filter(pk=chosen.pk).exists():
            raise PermissionDenied
        form.initial["platform"] = chosen.pk
    status = 200
    if request.method == "POST":
        form = EventForm(request.POST, request.FILES, platforms=platforms)
        if form.is_valid():
            event = event_register(
                actor=request.user,
                form=form,
                organisation=organisations[0] if organisations else None,
            )
            messages.success(
                request, _("「%(title)s」を登録し、審査に送りました。") % {"title": event.title}
            )
            return redirect("accounts:me")
        status = 200 if form.picker_step else 422
    crumbs = [(TITLE, reverse("events:list")), (_("イベントの登録"), None)]
    return render(
        request,
        "events/form.html",
        {"form": form, "organisations": organisations, "breadcrumbs": crumbs},
        status=status,
    )


@login_required
def event_edit(request, pk: int):
    event = access_event_edit(request.user, pk)
    waiting = pending_revision_for(event, request.user)
    form = EventForm(instance=event, editing=True)
    if waiting is not None:
        form.initial.update(SPEC.to_initial(waiting.data))
    status = 200
    if request.method == "POST":
        form = EventForm(request.POST, request.FILES, instance=event, editing=True)
        response, status = answer_edit(
            request,
            form=form,
            obj=event,
            save=lambda: event_update(actor=request.user, event=event, form=form),
            saved_message=_("イベントの情報を更新しました。"),
            public_url=lambda: event.get_absolute_url() if event.is_published else None,
        )
        if response is not None:
            return response
    return render(
        request,
        "events/form.html",
        {
            "form": form,
            "event": event,
            "waiting": waiting,
            "goes_live": event.status not in LIVE_STATES
            or can_moderate(request.user, event.platform),
            "breadcrumbs": [(TITLE, reverse("events:list")), (event.title, None)],
        },
        status=status,
    )


@login_required
def event_state(request, pk: int):
    """中止 / 延期 / 予定どおり (with a message to readers), confirmed on its own page."""
    event = access_event_edit(request.user, pk)
    form = StateForm(initial={"state": event.state, "note": event.state_note})
    status = 200
    if request.method == "POST":
        form = StateForm(request.POST)
        if form.is_valid():
            event_set_state(
                actor=request.user,
                event=event,
                state=form.cleaned_data["state"],
                note=form.cleaned_data["note"],
            )
            messages.success(
                request,
                _("開催状況を「%(state)s」にしました。") % {"state": event.get_state_display()},
            )
            return redirect(event.get_absolute_url() if event.is_published else "accounts:me")
        status = 422
    return render(
        request,
        "events/state.html",
        {
            "form": form,
            "event": event,
            "breadcrumbs": [(event.title, event.get_absolute_url()), (_("中止・延期"), None)],
        },
        status=status,
    )


class EventFeed(Feed):
    """Atom feed of upcoming events; the list's filters apply (/events/feed/?pref=14)."""

    feed_type = TextAtom1Feed
    title = TITLE
    subtitle = gettext_lazy("生活支援共創プラットフォームに登録されたイベント・研修・交流会")

    def get_object(self, request):
        return request

    def link(self, request):
        return reverse("events:list") + ("?" + request.GET.urlencode() if request.GET else "")

    def items(self, request):
        results = selectors.Results(selectors.parse_filters(request.GET), None)
        return selectors.events_by_id(results.ordered_ids()[:50])

    def item_title(self, item):
        prefix = f"【{item.get_state_display()}】" if item.state != Event.State.SCHEDULED else ""
        return prefix + item.title

    def item_description(self, item):
        when = timezone.localtime(item.starts_at).strftime("%Y-%m-%d %H:%M")
        return f"{when} {strip_tags(item.description)[:200]}"

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at


def _export_events(request):
    results = selectors.Results(selectors.parse_filters(request.GET), None)
    return selectors.events_by_id(results.ordered_ids())


def export_csv(request):
    """The list (its filters apply) in the 自治体標準オープンデータセット「イベント一覧」 layout:
    UTF-8 with BOM, formula-safe cells. Applicants' data is never part of it."""
    return csv_response(
        _export_events(request),
        row=opendata.row,
        columns=opendata.COLUMNS,
        filename="kyoso-events.csv",
    )


def export_json(request):
    return json_response(
        request, _export_events(request), row=opendata.row, source=reverse("events:list")
    )


IMPORT_TTL = 3600


def _import_rows(user, platform, values_list):
    """Each CSV row checked by the event form, as it would be saved; nothing is saved here."""
    from .imports import Row, form_data

    platforms = registrable_platforms(user)
    rows = []
    for index, values in enumerate(values_list, start=2):
        code = values.get("都道府県コード又は市区町村コード", "")[:6]
        no = values.get("NO", "")[:40]
        row = Row(line=index, code=code, no=no, title=values.get("イベント名", ""))
        data, row.errors = form_data(values, platform)
        existing = (
            Event.objects.filter(source_code=code, source_no=no).select_related("platform").first()
            if no
            else None
        )
        if existing is not None and not can_edit_event(user, existing):
            row.errors.append(_("同じコードと NO のイベントを、ほかの団体が登録しています。"))
        elif existing is not None:
            row.existing = existing
            form = EventForm(
                {**data, "base_version": existing.version},
                instance=existing,
                editing=True,
                importing=True,
            )
        else:
            form = EventForm(data, platforms=platforms, importing=True)
        if existing is None or row.existing is not None:
            if not form.is_valid():
                row.errors += [
                    f"{form.fields[name].label if name in form.fields else ''}：{error}"
                    for name, errors in form.errors.items()
                    for error in errors
                ]
            row.form = form
        rows.append(row)
    return rows


@login_required
def event_import(request):
    """Upload → a preview with each row's errors → confirm. Nothing is saved before the confirm."""
    from django.core.cache import caches

    from .imports import read

    platforms = registrable_platforms(request.user)
    if not platforms.exists():
        raise PermissionDenied
    cache = caches["default"]
    form = ImportForm(platforms=platforms)
    rows, token, status = None, "", 200
    if request.method == "POST" and request.POST.get("token"):
        token = request.POST["token"][:64]
        stored = cache.get(f"events-import:{request.user.pk}:{token}")
        if stored is None:
            messages.error(request, _("確認の期限が切れました。もう一度ファイルを選んでください。"))
            return redirect("events:import")
        platform = platforms.filter(pk=stored["platform"]).first()
        if platform is None:
            raise PermissionDenied
        rows = _import_rows(request.user, platform, read(stored["csv"]))
        organisation = listed_organisations_of(request.user).first()
        created = updated = 0
        for row in rows:
            if row.errors:
                continue
            if row.existing is not None:
                event_update(actor=request.user, event=row.existing, form=row.form)
                updated += 1
            else:
                event = event_register(actor=request.user, form=row.form, organisation=organisation)
                Event.objects.filter(pk=event.pk).update(source_code=row.code, source_no=row.no)
                created += 1
        cache.delete(f"events-import:{request.user.pk}:{token}")
        skipped = sum(1 for r in rows if r.errors)
        message = _(
            "%(created)d件を登録し、%(updated)d件を更新しました（審査の後に公開されます）。"
            "エラーのあった%(skipped)d件は読み込んでいません。"
        )
        messages.success(
            request, message % {"created": created, "updated": updated, "skipped": skipped}
        )
        return redirect("accounts:me")
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES, platforms=platforms)
        if form.is_valid():
            import secrets

            platform = form.cleaned_data["platform"]
            rows = _import_rows(request.user, platform, form.rows)
            token = secrets.token_urlsafe(24)
            cache.set(
                f"events-import:{request.user.pk}:{token}",
                {"platform": platform.pk, "csv": form.text},
                IMPORT_TTL,
            )
        else:
            status = 422
    return render(
        request,
        "events/import.html",
        {
            "form": form,
            "rows": rows,
            "token": token,
            "valid_count": sum(1 for r in rows or [] if not r.errors),
            "breadcrumbs": [(TITLE, reverse("events:list")), (_("CSV から読み込む"), None)],
        },
        status=status,
    )


# --- taking part ------------------------------------------------------------------------------


def event_apply(request, pk: int):
    """Apply without an account: the form, then a page with the result (and the cancel link, for
    people who gave a phone number only). Never cached: it carries a CSRF token."""
    from allauth.core import ratelimit

    event = access_event_public(pk)
    if not event.takes_applications:
        raise Http404
    form = ApplicationForm()
    status = 200
    if request.method == "POST" and applications.is_open(event):
        form = ApplicationForm(request.POST)
        if form.is_valid():
            if not ratelimit.consume(request, action="event_application"):
                form.add_error(None, _("短い時間に申し込みが続いたため、受け付けを止めています。"))
                status = 429
            else:
                try:
                    application = applications.application_create(
                        event=event, data=form.cleaned_data, user=request.user
                    )
                except applications.ApplicationClosed as exc:
                    form.add_error(None, str(exc))
                    status = 409
                else:
                    response = render(
                        request,
                        "events/apply_done.html",
                        {
                            "event": event,
                            "application": application,
                            "cancel_path": reverse(
                                "events:application_cancel",
                                kwargs={"token": applications.cancel_token(application)},
                            ),
                            "breadcrumbs": [
                                (event.title, event.get_absolute_url()),
                                (_("申し込み"), None),
                            ],
                        },
                    )
                    response["Cache-Control"] = "private, no-store"
                    return response
        else:
            status = 422
    response = render(
        request,
        "events/apply.html",
        {
            "event": event,
            "form": form,
            "open": applications.is_open(event),
            "places_left": applications.places_left(event),
            "breadcrumbs": [(event.title, event.get_absolute_url()), (_("申し込み"), None)],
        },
        status=status,
    )
    response["Cache-Control"] = "private, no-store"
    return response


def application_cancel(request, token: str):
    """The link from the confirmation mail: a confirmation page, then the cancellation."""
    application = applications.application_from_token(token)
    if application is None:
        raise Http404
    done = False
    if request.method == "POST" and application.is_active:
        applications.application_cancel(application=application)
        application.refresh_from_db()
        done = True
    response = render(
        request,
        "events/application_cancel.html",
        {
            "application": application,
            "event": application.event,
            "done": done,
            "breadcrumbs": [(_("申し込みの取り消し"), None)],
        },
    )
    response["Cache-Control"] = "private, no-store"
    # The token in the URL never leaves the site (same-origin keeps the Origin header that the
    # CSRF check needs; no-referrer would send "Origin: null").
    response["Referrer-Policy"] = "same-origin"
    return response


@login_required
def event_applications(request, pk: int):
    event = access_event_edit(request.user, pk)
    rows = list(event.applications.all())
    context = {
        "event": event,
        "rows": rows,
        "confirmed": sum(a.party_size for a in rows if a.status == "confirmed"),
        "waitlisted": sum(a.party_size for a in rows if a.status == "waitlisted"),
        "places_left": applications.places_left(event),
        "retention_days": settings.EVENT_APPLICATION_RETENTION_DAYS,
        "breadcrumbs": [(event.title, event.get_absolute_url()), (_("申し込み一覧"), None)],
    }
    return render(request, "events/applications.html", context)


APPLICATION_COLUMNS = ["受付番号", "状態", "お名前", "メールアドレス", "電話番号", "人数",
                       "配慮してほしいこと", "申込日時"]  # fmt: skip


@login_required
def event_applications_csv(request, pk: int):
    """The organiser's list as CSV (UTF-8 with BOM, formula-safe); never public."""
    event = access_event_edit(request.user, pk)

    def row(a):
        return {
            "受付番号": a.pk,
            "状態": a.get_status_display(),
            "お名前": a.name,
            "メールアドレス": a.email,
            "電話番号": a.phone,
            "人数": a.party_size,
            "配慮してほしいこと": a.needs,
            "申込日時": timezone.localtime(a.created_at).strftime("%Y-%m-%d %H:%M"),
        }

    response = csv_response(
        event.applications.all(),
        row=row,
        columns=APPLICATION_COLUMNS,
        filename=f"kyoso-event-{event.pk}-applications.csv",
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def event_applications_mail(request, pk: int):
    event = access_event_edit(request.user, pk)
    form = MailApplicantsForm()
    status = 200
    if request.method == "POST":
        form = MailApplicantsForm(request.POST)
        if form.is_valid():
            sent = applications.mail_applicants(
                actor=request.user,
                event=event,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
            )
            messages.success(request, _("%(n)d人にメールを送りました。") % {"n": sent})
            return redirect("events:applications", pk=event.pk)
        status = 422
    return render(
        request,
        "events/applications_mail.html",
        {
            "event": event,
            "form": form,
            "breadcrumbs": [
                (event.title, event.get_absolute_url()),
                (_("申し込み一覧"), reverse("events:applications", kwargs={"pk": event.pk})),
                (_("メールを送る"), None),
            ],
        },
        status=status,
    )


def event_image(request, pk: int):
    """A published event's picture for everyone; the picture of an event under review only for
    the people who may edit it and its reviewers (never cached then)."""
    event = Event.objects.select_related("platform").filter(pk=pk).first()
    if event is None or not event.image:
        raise Http404
    public = event.is_published
    if not public and not (
        can_edit_event(request.user, event)
        or (request.user.is_authenticated and can_moderate(request.user, event.platform))
    ):
        raise Http404
    return file_download(
        event.image, name="image.png", content_type="image/png", private=not public
    )
