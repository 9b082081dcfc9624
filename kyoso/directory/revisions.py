"""How an organisation's edits are reviewed: the RevisionSpec registered with moderation."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kyoso.moderation.registry import RevisionSpec
from kyoso.regions import reference

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
        fields = reference.fields_by_slug()
        return "、".join(fields[v].name if v in fields else v for v in value)
    if name == "area_prefectures":
        prefs = reference.prefectures_by_code()
        return "、".join(prefs[v].name if v in prefs else v for v in value)
    if name == "area_municipalities":
        labels = reference.municipality_labels()
        return "、".join(labels.get(v, v) for v in value)
    return str(value)


def to_initial(data: dict) -> dict:
    return dict(data)


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
