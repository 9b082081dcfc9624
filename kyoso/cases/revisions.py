"""How a case's edits are reviewed: plain-JSON values, applied by one function whether a staff
edit goes live at once or a member's proposal is accepted later (kyoso.moderation.revisions)."""

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext_lazy

from kyoso.moderation.registry import RevisionSpec
from kyoso.platforms.models import Platform
from kyoso.regions import reference
from kyoso.regions.models import Field

from .models import Actor, ActorRole, Case, Outcome, Photo

SCALARS = [
    "title",
    "title_kana",
    "summary",
    "issue",
    "approach",
    "results",
    "funding",
    "started_year",
    "ended_year",
    "tips",
    "contact",
    "video_url",
]


def number(value) -> str:
    """1200.00 -> '1200', 3.50 -> '3.5': the same number always reads the same."""
    text = format(Decimal(value).normalize(), "f")
    return text


def snapshot(case: Case) -> dict:
    data = {name: getattr(case, name) for name in SCALARS}
    data["prefecture"] = case.prefecture_id
    data["municipality"] = case.municipality_id or ""
    data["fields"] = sorted(case.fields.values_list("slug", flat=True))
    data["measures"] = sorted(case.measures.values_list("pk", flat=True))
    data["actors"] = [
        {"role": a.role, "name": a.name, "organisation": a.organisation_id, "part": a.part}
        for a in case.actors.all()
    ]
    data["outcomes"] = [
        {"label": o.label, "value": number(o.value), "unit": o.unit, "source": o.source}
        for o in case.outcomes.all()
    ]
    return data


def form_values(form) -> dict:
    data = form.cleaned_data
    values = {name: data.get(name) for name in SCALARS}
    for name in SCALARS:
        if name not in ("started_year", "ended_year"):
            values[name] = values[name] or ""
    pref = data.get("prefecture")
    values["prefecture"] = pref.code if pref else ""
    muni = data.get("municipality")
    values["municipality"] = muni.lg_code if muni else ""
    values["fields"] = sorted(f.slug for f in data.get("fields") or [])
    values["measures"] = sorted(m.pk for m in data.get("measures") or [])
    values["actors"] = list(data.get("actors") or [])
    values["outcomes"] = [{**o, "value": number(o["value"])} for o in data.get("outcomes") or []]
    removed = sorted(int(pk) for pk in data.get("remove_photos") or [])
    if removed:
        values["remove_photos"] = removed
    if data.get("photo_upload"):
        values["new_photo"] = {
            "alt": data.get("photo_alt", "").strip(),
            "caption": data.get("photo_caption", "").strip(),
        }
    return values


def form_files(form) -> list[dict]:
    upload = form.cleaned_data.get("photo_upload")
    if not upload:
        return []
    return [
        {
            "key": "photo",
            "title": form.cleaned_data.get("photo_alt", "")[:200],
            "upload": upload,
            "format": "png",
            "content_type": "image/png",
            "original_name": "photo.png",
        }
    ]


def apply_values(case: Case, data: dict, files: list[dict], actor, note: str = "") -> None:
    for name in SCALARS:
        if name in data:
            setattr(case, name, data[name])
    if data.get("prefecture"):
        case.prefecture_id = data["prefecture"]
        case.platform = Platform.objects.get(prefecture_id=data["prefecture"])
    if "municipality" in data:
        case.municipality_id = data["municipality"] or None
    case.save()
    if "fields" in data:
        case.fields.set(Field.objects.filter(slug__in=data["fields"]))
    if "measures" in data:
        from kyoso.measures.models import Measure

        case.measures.set(Measure.objects.filter(pk__in=data["measures"]))
    if "actors" in data:
        case.actors.all().delete()
        Actor.objects.bulk_create(
            Actor(
                case=case,
                role=a["role"],
                name=a["name"],
                organisation_id=a.get("organisation"),
                part=a.get("part", ""),
                position=i,
            )
            for i, a in enumerate(data["actors"])
        )
    if "outcomes" in data:
        case.outcomes.all().delete()
        Outcome.objects.bulk_create(
            Outcome(
                case=case,
                label=o["label"],
                value=Decimal(o["value"]),
                unit=o.get("unit", ""),
                source=o["source"],
                position=i,
            )
            for i, o in enumerate(data["outcomes"])
        )
    if data.get("remove_photos"):
        for photo in case.photos.filter(pk__in=data["remove_photos"]):
            name, storage = photo.image.name, photo.image.storage
            photo.delete()
            transaction.on_commit(lambda n=name, s=storage: s.delete(n))
    new_photo = data.get("new_photo") or {}
    for item in files:
        if item["key"] != "photo":
            continue
        photo = Photo(
            case=case,
            alt=(new_photo.get("alt") or item.get("title") or "")[:200],
            caption=new_photo.get("caption", "")[:200],
        )
        upload = item["upload"]
        upload.open("rb")
        try:
            photo.image.save("photo.png", upload, save=False)
        finally:
            upload.close()
        photo.save()


def describe(name: str, value) -> str:
    if value in (None, "", []):
        return "—"
    if name == "fields":
        fields = reference.fields_by_slug()
        return "、".join(fields[v].name if v in fields else v for v in value)
    if name == "prefecture":
        pref = reference.prefectures_by_code().get(value)
        return pref.name if pref else value
    if name == "municipality":
        return reference.municipality_labels().get(value, value)
    if name == "measures":
        from kyoso.measures.models import Measure

        return "、".join(Measure.objects.filter(pk__in=value).values_list("title", flat=True))
    if name == "actors":
        roles = dict(ActorRole.choices)
        return "、".join(f"{a['name']}（{roles.get(a['role'], a['role'])}）" for a in value)
    if name == "outcomes":
        return "、".join(
            f"{o['label']} {o['value']}{o.get('unit', '')}（{o['source']}）" for o in value
        )
    if name == "remove_photos":
        return "、".join(Photo.objects.filter(pk__in=value).values_list("alt", flat=True))
    if name == "new_photo":
        return value.get("alt", "")
    return str(value)


def to_initial(data: dict) -> dict:
    initial = {k: v for k, v in data.items() if k not in ("new_photo", "remove_photos")}
    return initial


SPEC = RevisionSpec(
    snapshot=snapshot,
    from_form=form_values,
    apply=apply_values,
    describe=describe,
    labels={
        "prefecture": gettext_lazy("都道府県"),
        "municipality": gettext_lazy("市区町村"),
        "fields": gettext_lazy("分野"),
        "measures": gettext_lazy("活用した施策・予算"),
        "actors": gettext_lazy("関わった主体"),
        "outcomes": gettext_lazy("成果の数値"),
        "remove_photos": gettext_lazy("削除する写真"),
        "new_photo": gettext_lazy("追加する写真"),
    },
    files_from_form=form_files,
    to_initial=to_initial,
)
