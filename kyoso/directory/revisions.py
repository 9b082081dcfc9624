"""How an organisation's edits are reviewed: the RevisionSpec registered with moderation."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kyoso.moderation.registry import RevisionSpec
from kyoso.regions.models import Field, Municipality, Prefecture

from .actions import apply_values, form_files, form_values, snapshot
from .models import Organisation

CHOICES = {
    "kind": dict(Organisation.Kind.choices),
    "scale": dict(Organisation.Scale.choices),
    "area_kind": dict(Organisation.AreaKind.choices),
}


def describe(name: str, value) -> str:
    if value in (None, "", []):
        return "—"
    if name in CHOICES:
        return str(CHOICES[name].get(value, value))
    if isinstance(value, bool):
        return _("はい") if value else _("いいえ")
    if name == "fields":
        names = dict(Field.objects.filter(slug__in=value).values_list("slug", "name"))
        return "、".join(names.get(v, v) for v in value)
    if name == "area_prefectures":
        names = dict(Prefecture.objects.filter(code__in=value).values_list("code", "name"))
        return "、".join(names.get(v, v) for v in value)
    if name == "area_municipalities":
        munis = Municipality.objects.filter(lg_code__in=value).select_related("prefecture")
        return "、".join(f"{m.prefecture.name}{m.name}" for m in munis)
    return str(value)


def to_initial(data: dict) -> dict:
    initial = {k: v for k, v in data.items() if k != "area_municipalities"}
    if "area_municipalities" in data:
        munis = Municipality.objects.filter(lg_code__in=data["area_municipalities"])
        initial["municipalities_text"] = "\n".join(
            f"{m.prefecture.name}{m.name}" for m in munis.select_related("prefecture")
        )
    return initial


SPEC = RevisionSpec(
    snapshot=snapshot,
    from_form=form_values,
    apply=apply_values,
    describe=describe,
    labels={
        "fields": gettext_lazy("分野"),
        "area_prefectures": gettext_lazy("活動する都道府県"),
        "area_municipalities": gettext_lazy("活動する市区町村"),
        "logo": gettext_lazy("ロゴ画像"),
    },
    admin_only_fields=frozenset({"kind", "name"}),
    files_from_form=form_files,
    to_initial=to_initial,
)
