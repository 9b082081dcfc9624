"""The shared list filters of DESIGN §5 (`q`, `pref`, `muni`, `field`, `sort`, `page`), parsed
once. Bad values are dropped, never a 500: a bookmarked URL keeps working after data changes."""

from dataclasses import dataclass, field

from kyoso.core.text import clean_param
from kyoso.regions import reference
from kyoso.regions.codes import (
    is_valid_lg_code,
    is_valid_pref_code,
    keys_matching_muni,
    keys_matching_pref,
)
from kyoso.regions.models import Field, Municipality, Prefecture


@dataclass
class RegionFilters:
    q: str = ""
    prefecture: Prefecture | None = None
    municipality: Municipality | None = None
    fields: list[Field] = field(default_factory=list)
    invalid: list[str] = field(default_factory=list)  # names of parameters that were ignored

    @property
    def region_keys(self) -> list[str]:
        if self.municipality is not None:
            return keys_matching_muni(self.municipality.lg_code, self.municipality.parent_id)
        if self.prefecture is not None:
            return keys_matching_pref(self.prefecture.code)
        return []

    @property
    def field_slugs(self) -> list[str]:
        return [f.slug for f in self.fields]


def parse_region_filters(params) -> RegionFilters:
    result = RegionFilters(q=clean_param(params.get("q", ""), 200))
    pref = params.get("pref", "").strip()
    if pref:
        if is_valid_pref_code(pref):
            result.prefecture = reference.prefectures_by_code().get(pref)
        if result.prefecture is None:
            result.invalid.append("pref")
    muni = params.get("muni", "").strip()
    if muni:
        if is_valid_lg_code(muni):
            result.municipality = (
                Municipality.objects.select_related("prefecture").filter(lg_code=muni).first()
            )
        if result.municipality is None:
            result.invalid.append("muni")
        elif result.prefecture is not None and result.municipality.prefecture_id != (
            result.prefecture.code
        ):
            # The prefecture was just changed while a municipality of another one was still
            # chosen: the newer choice, the prefecture, wins.
            result.municipality = None
        else:
            result.prefecture = result.municipality.prefecture
    slugs = [s for s in params.getlist("field") if s][:23]
    if slugs:
        by_slug = reference.fields_by_slug()
        result.fields = [by_slug[s] for s in dict.fromkeys(slugs) if s in by_slug]
        if len(result.fields) != len(set(slugs)):
            result.invalid.append("field")
    return result
