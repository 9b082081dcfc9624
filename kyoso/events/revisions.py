"""How an event's edits are reviewed: snapshot-shaped values and the RevisionSpec."""

import datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kyoso.core.templatetags.kyoso import yen
from kyoso.moderation.registry import RevisionSpec
from kyoso.regions import reference
from kyoso.regions.models import Field

from .models import Event

SCALARS = [
    "title",
    "title_kana",
    "title_en",
    "description",
    "all_day",
    "format",
    "venue_name",
    "address",
    "lat",
    "lng",
    "online_url",
    "image_alt",
    "fee_free",
    "fee_amount",
    "fee_details",
    "capacity",
    "takes_applications",
    "apply_method",
    "organiser",
    "contact",
]
MOMENTS = ["starts_at", "ends_at", "apply_deadline"]


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def snapshot(event: Event) -> dict:
    data = {name: getattr(event, name) for name in SCALARS}
    for name in MOMENTS:
        data[name] = _iso(getattr(event, name))
    data["municipality"] = event.municipality_id or ""
    data["fields"] = sorted(event.fields.values_list("slug", flat=True))
    data["audiences"] = sorted(event.audiences or [])
    data["accessibility"] = sorted(event.accessibility or [])
    data["image"] = event.image.name if event.image else ""
    return data


def form_values(form) -> dict:
    data = form.cleaned_data
    values = {name: data.get(name) for name in SCALARS}
    for name in ("venue_name", "address", "online_url", "fee_details", "apply_method", "image_alt"):
        values[name] = values[name] or ""
    values["organiser"] = values["organiser"] or ""
    values["contact"] = values["contact"] or ""
    if values["fee_free"]:
        values["fee_amount"] = None
    for name in MOMENTS:
        values[name] = _iso(data.get(name))
    municipality = data.get("municipality")
    has_venue = data.get("format") in (Event.Format.VENUE, Event.Format.HYBRID)
    values["municipality"] = municipality.lg_code if municipality and has_venue else ""
    values["fields"] = sorted(f.slug for f in data.get("fields") or [])
    values["audiences"] = sorted(data.get("audiences") or [])
    values["accessibility"] = sorted(data.get("accessibility") or [])
    return values


def form_files(form) -> list[dict]:
    upload = form.cleaned_data.get("image_upload")
    if not upload:
        return []
    return [
        {
            "key": "image",
            "title": "",
            "upload": upload,
            "format": "png",
            "content_type": "image/png",
            "original_name": "image.png",
        }
    ]


def _replace_image(event: Event, upload) -> None:
    from django.db import transaction

    old = event.image.name if event.image else ""
    upload.open("rb")
    try:
        event.image.save("image.png", upload, save=False)
    finally:
        upload.close()
    if old:
        storage = event.image.storage
        transaction.on_commit(lambda: storage.delete(old))


def apply_values(event: Event, data: dict, files: list[dict], actor, note: str = "") -> None:
    before = snapshot(event) if event.pk and event.is_published else None
    for name in SCALARS:
        if name in data:
            setattr(event, name, data[name])
    for name in MOMENTS:
        if name in data:
            value = data[name]
            setattr(event, name, datetime.datetime.fromisoformat(value) if value else None)
    if "municipality" in data:
        event.municipality_id = data["municipality"] or None
    for name in ("audiences", "accessibility"):
        if name in data:
            setattr(event, name, data[name])
    for item in files:
        if item["key"] == "image":
            _replace_image(event, item["upload"])
    if event.pk:
        event.sequence += 1  # calendars that subscribed pick the change up
    event.save()
    if "fields" in data:
        event.fields.set(Field.objects.filter(slug__in=data["fields"]))
    if before is not None:
        after = snapshot(event)
        changed = sorted(k for k in after if after[k] != before.get(k))
        if changed:
            from .models import Change

            Change.objects.create(event=event, fields=changed)


def describe(name: str, value) -> str:
    if value in (None, "", []):
        return "—"
    if name == "format":
        return str(dict(Event.Format.choices).get(value, value))
    if name == "audiences":
        labels = dict(Event.Audience.choices)
        return "、".join(str(labels.get(v, v)) for v in value)
    if name == "accessibility":
        labels = dict(Event.Access.choices)
        return "、".join(str(labels.get(v, v)) for v in value)
    if name == "fields":
        fields = reference.fields_by_slug()
        return "、".join(fields[v].name if v in fields else v for v in value)
    if name == "municipality":
        return reference.municipality_labels().get(value, value)
    if name == "fee_amount":
        return yen(value)
    if name in MOMENTS:
        from django.utils import timezone
        from django.utils.formats import date_format

        moment = timezone.localtime(datetime.datetime.fromisoformat(value))
        return date_format(moment, "DATETIME_FORMAT")
    if isinstance(value, bool):
        return _("はい") if value else _("いいえ")
    return str(value)


def to_initial(data: dict) -> dict:
    from django.utils import timezone

    initial = {k: v for k, v in data.items() if k not in MOMENTS}
    starts = data.get("starts_at") and timezone.localtime(
        datetime.datetime.fromisoformat(data["starts_at"])
    )
    ends = data.get("ends_at") and timezone.localtime(
        datetime.datetime.fromisoformat(data["ends_at"])
    )
    if starts:
        initial["start_date"] = starts.date()
        initial["start_time"] = None if data.get("all_day") else starts.time()
    if ends:
        initial["end_date"] = ends.date()
        initial["end_time"] = None if data.get("all_day") else ends.time()
    if data.get("apply_deadline"):
        deadline = datetime.datetime.fromisoformat(data["apply_deadline"])
        initial["deadline_date"] = timezone.localtime(deadline).date()
    return initial


SPEC = RevisionSpec(
    snapshot=snapshot,
    from_form=form_values,
    apply=apply_values,
    describe=describe,
    labels={
        "starts_at": gettext_lazy("開始日時"),
        "ends_at": gettext_lazy("終了日時"),
        "apply_deadline": gettext_lazy("申込締切"),
        "municipality": gettext_lazy("会場の市区町村"),
        "fields": gettext_lazy("分野"),
        "audiences": gettext_lazy("対象"),
        "accessibility": gettext_lazy("参加しやすさ"),
        "image": gettext_lazy("画像"),
    },
    files_from_form=form_files,
    to_initial=to_initial,
)
