"""How a measure's edits are reviewed: values, files and the RevisionSpec for moderation."""

import datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kyoso.core.templatetags.kyoso import yen
from kyoso.moderation.registry import RevisionSpec
from kyoso.regions import reference
from kyoso.regions.models import Field

from .files import FORMATS, download_name
from .models import Attachment, ExternalLink, Measure, Revision

SCALARS = [
    "title",
    "agency",
    "bureau",
    "kind",
    "fiscal_year",
    "budget_amount",
    "summary",
    "body",
    "contact",
    "is_featured",
]
DATES = ["announced_on", "call_start", "call_end"]


def snapshot(measure: Measure) -> dict:
    data = {name: getattr(measure, name) for name in SCALARS}
    for name in DATES:
        value = getattr(measure, name)
        data[name] = value.isoformat() if value else None
    data["audiences"] = sorted(measure.audiences or [])
    data["fields"] = sorted(measure.fields.values_list("slug", flat=True))
    data["related"] = sorted(measure.related.values_list("pk", flat=True))
    return data


def form_values(form) -> dict:
    data = form.cleaned_data
    values = {name: data[name] for name in SCALARS if name in form.fields}
    for name in DATES:
        values[name] = data[name].isoformat() if data.get(name) else None
    values["audiences"] = sorted(data.get("audiences") or [])
    values["fields"] = sorted(f.slug for f in data.get("fields") or [])
    values["related"] = sorted(m.pk for m in data.get("related") or [])
    if data.get("link_url"):
        values["new_link"] = {"title": data["link_title"], "url": data["link_url"]}
    return values


def form_files(form) -> list[dict]:
    upload = form.cleaned_data.get("attachment_file")
    if not upload:
        return []
    fmt = form.attachment_format
    return [
        {
            "key": "attachment",
            "title": form.cleaned_data["attachment_title"],
            "upload": upload,
            "format": fmt,
            "content_type": FORMATS[fmt][1],
            "original_name": download_name(upload.name, fmt),
        }
    ]


def apply_values(measure: Measure, data: dict, files: list[dict], actor, note: str = "") -> None:
    for name in SCALARS:
        if name in data:
            setattr(measure, name, data[name])
    for name in DATES:
        if name in data:
            value = data[name]
            setattr(measure, name, datetime.date.fromisoformat(value) if value else None)
    if "audiences" in data:
        measure.audiences = data["audiences"]
    changed = sorted(k for k in data if k != "new_link")
    if changed or files:
        measure.needs_update = False
    measure.save()
    if "fields" in data:
        measure.fields.set(Field.objects.filter(slug__in=data["fields"]))
    if "related" in data:
        measure.related.set(Measure.objects.filter(pk__in=data["related"]))
    link = data.get("new_link")
    if link:
        ExternalLink.objects.create(measure=measure, title=link["title"], url=link["url"])
    for item in files:
        if item["key"] != "attachment":
            continue
        attachment = Attachment(
            measure=measure,
            title=item["title"],
            original_name=item["original_name"],
            format=item["format"],
            size=item["upload"].size,
        )
        upload = item["upload"]
        upload.open("rb")
        try:
            attachment.file.save(item["original_name"], upload, save=False)
        finally:
            upload.close()
        attachment.save()
    if measure.is_published or measure.status == "archived":
        Revision.objects.create(
            measure=measure,
            actor=actor,
            note=note or _("内容を更新"),
            changes={"fields": changed, "files": [f["original_name"] for f in files]},
        )


def describe(name: str, value) -> str:
    if value in (None, "", []):
        return "—"
    if name == "kind":
        return str(dict(Measure.Kind.choices).get(value, value))
    if name == "audiences":
        labels = dict(Measure.Audience.choices)
        return "、".join(str(labels.get(v, v)) for v in value)
    if name == "fields":
        fields = reference.fields_by_slug()
        return "、".join(fields[v].name if v in fields else v for v in value)
    if name == "related":
        return "、".join(Measure.objects.filter(pk__in=value).values_list("title", flat=True))
    if name == "budget_amount":
        return yen(value)
    if name == "new_link":
        return f"{value['title']}（{value['url']}）"
    if isinstance(value, bool):
        return _("はい") if value else _("いいえ")
    return str(value)


SPEC = RevisionSpec(
    snapshot=snapshot,
    from_form=form_values,
    apply=apply_values,
    describe=describe,
    labels={
        "audiences": gettext_lazy("対象"),
        "fields": gettext_lazy("分野"),
        "related": gettext_lazy("関連する施策"),
        "new_link": gettext_lazy("追加する関連リンク"),
    },
    files_from_form=form_files,
)
