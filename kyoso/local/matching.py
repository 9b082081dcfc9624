"""The co-creation matcher: for a local issue, the listed organisations that really serve its
municipality and work in its fields, similar published cases, and measures that could fund it
(open calls first) — each suggestion ranked and with the signals that matched, in words.

Organisations must both cover the municipality (their service area, through the region keys of
the directory: the municipality itself, a ward's city, the whole prefecture, or nationwide) and
share at least one field: a far-away or off-field organisation is never suggested, however well
its words match. Within that, the score adds field overlap, how local the area is, whether its
kind is one the issue asks for, and whether the shared search engine finds the issue's words in
its description."""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from kyoso.regions import reference
from kyoso.regions.codes import (
    NATIONWIDE_KEY,
    keys_matching_muni,
    muni_key,
    pref_key,
)

from .models import LocalIssue

# The directory's kinds of organisation, as the kinds of partner an issue asks for.
KIND_TO_PARTNER = {
    "company": "company",
    "npo": "npo",
    "residents": "residents",
    "swc": "shakyo",
    "swcorp": "care",
    "care_provider": "care",
    "university": "university",
    "training": "university",
    "coop": "coop",
    "municipality": "government",
    "prefecture": "government",
    "ministry": "government",
}
FIELD_WEIGHT = 2.0
AREA_WEIGHT = {"muni": 4.0, "pref": 2.5, "nation": 1.0}
KIND_WEIGHT = 2.0
WORDS_WEIGHT = 1.5


@dataclass
class Suggestion:
    obj: object
    score: float
    reasons: list[str] = field(default_factory=list)


def _field_names(slugs) -> str:
    names = reference.fields_by_slug()
    return "".join(f"「{names[s].display_name()}」" for s in sorted(slugs) if s in names)


def _similar(issue: LocalIssue, type_key: str, limit: int = 40) -> set[int]:
    from kyoso.search.engine import Query
    from kyoso.search.memory import similar_keys

    text = f"{issue.title} {issue.description}"[:300]
    return {int(pk) for _t, pk in similar_keys(Query(text=text), type_key, limit=limit)}


def issue_fields(issue: LocalIssue) -> set[str]:
    if not hasattr(issue, "_field_slugs"):
        issue._field_slugs = set(issue.fields.values_list("slug", flat=True))
    return issue._field_slugs


def organisations_for(issue: LocalIssue, limit: int = 10) -> list[Suggestion]:
    from kyoso.directory.models import Organisation, OrganisationRegionKey

    slugs = issue_fields(issue)
    if not slugs:
        return []
    muni = issue.municipality
    keys = keys_matching_muni(muni.lg_code, muni.parent_id)
    listed = {"organisation__status": "published", "organisation__is_suspended": False}
    overlap: dict[int, set[str]] = {}
    for org_id, slug in Organisation.fields.through.objects.filter(
        field__slug__in=slugs,
        organisation__region_keys__key__in=keys,
        **listed,
    ).values_list("organisation_id", "field__slug"):
        overlap.setdefault(org_id, set()).add(slug)
    if not overlap:
        return []
    area: dict[int, str] = {}
    local_keys = {muni_key(muni.lg_code)} | (
        {muni_key(muni.parent_id)} if muni.parent_id else set()
    )
    for org_id, key in OrganisationRegionKey.objects.filter(
        organisation_id__in=list(overlap), key__in=keys
    ).values_list("organisation_id", "key"):
        level = (
            "muni"
            if key in local_keys
            else "pref"
            if key == pref_key(muni.prefecture_id)
            else "nation"
        )
        if AREA_WEIGHT[level] > AREA_WEIGHT.get(area.get(org_id, ""), 0):
            area[org_id] = level
    words = _similar(issue, "directory.organisation")
    wanted = set(issue.partner_kinds or [])
    kinds = dict(Organisation.Kind.choices)
    where = {
        "muni": _("%(place)sで活動") % {"place": muni.name},
        "pref": _("%(place)s全域で活動") % {"place": muni.prefecture.name},
        "nation": _("全国で活動"),
    }
    found = []
    for org in Organisation.objects.filter(pk__in=list(overlap)).only(
        "pk", "name", "name_kana", "kind", "description"
    ):
        level = area.get(org.pk)
        if level is None:
            continue
        shared = overlap[org.pk]
        score = FIELD_WEIGHT * len(shared) + AREA_WEIGHT[level]
        reasons = [where[level], _("分野%(names)sが一致") % {"names": _field_names(shared)}]
        if wanted and KIND_TO_PARTNER.get(org.kind) in wanted:
            score += KIND_WEIGHT
            reasons.append(
                _("求める協力者の種類（%(kind)s）に当てはまる") % {"kind": kinds.get(org.kind)}
            )
        if org.pk in words:
            score += WORDS_WEIGHT
            reasons.append(_("団体の紹介に課題と同じ言葉がある"))
        found.append(Suggestion(org, score, reasons))
    found.sort(key=lambda s: (-s.score, s.obj.name_kana, s.obj.pk))
    return found[:limit]


def cases_for(issue: LocalIssue, limit: int = 5) -> list[Suggestion]:
    from kyoso.cases.models import Case

    slugs = issue_fields(issue)
    words = _similar(issue, "cases.case")
    muni = issue.municipality
    from django.db.models import Q

    candidates = (
        Case.objects.published()
        .filter(Q(fields__slug__in=slugs) | Q(pk__in=list(words)))
        .select_related("prefecture", "municipality")
        .distinct()
    )
    found = {}
    for case in candidates:
        shared = set(case.fields.values_list("slug", flat=True)) & slugs
        score = FIELD_WEIGHT * len(shared)
        reasons = []
        if shared:
            reasons.append(_("分野%(names)sが一致") % {"names": _field_names(shared)})
        if case.municipality_id and case.municipality_id in (muni.lg_code, muni.parent_id):
            score += AREA_WEIGHT["muni"]
            reasons.insert(0, _("同じ%(place)sの事例") % {"place": muni.name})
        elif case.prefecture_id == muni.prefecture_id:
            score += AREA_WEIGHT["pref"]
            reasons.insert(0, _("同じ%(place)sの事例") % {"place": muni.prefecture.name})
        if case.pk in words:
            score += WORDS_WEIGHT
            reasons.append(_("事例の内容に課題と同じ言葉がある"))
        found[case.pk] = Suggestion(case, score, reasons)
    ranked = sorted(found.values(), key=lambda s: (-s.score, -s.obj.pk))
    return ranked[:limit]


def measures_for(issue: LocalIssue, limit: int = 5) -> list[Suggestion]:
    """Measures in the issue's fields that could fund it, open calls first; calls that have
    closed are left out."""
    from django.db.models import Q

    from kyoso.measures.models import Measure

    slugs = issue_fields(issue)
    today = timezone.localdate()
    found = []
    for measure in (
        Measure.objects.published()
        .filter(fields__slug__in=slugs)
        .filter(Q(call_end__isnull=True) | Q(call_end__gte=today))
        .distinct()
        .prefetch_related("fields")
    ):
        shared = {f.slug for f in measure.fields.all()} & slugs
        score = FIELD_WEIGHT * len(shared)
        reasons = [_("分野%(names)sが一致") % {"names": _field_names(shared)}]
        if measure.is_open:
            score += 10  # open calls first
            reasons.insert(0, _("受付中（あと%(n)s日）") % {"n": measure.days_left})
        if "municipality" in (measure.audiences or []):
            score += 1
            reasons.append(_("対象に市町村を含む"))
        if measure.kind in ("budget", "grant", "fund_menu"):
            score += 1
            reasons.append(_("財源になる（%(kind)s）") % {"kind": measure.get_kind_display()})
        found.append(Suggestion(measure, score, reasons))
    found.sort(key=lambda s: (-s.score, -s.obj.pk))
    return found[:limit]


def issues_for_organisation(organisation, limit: int = 20) -> list[LocalIssue]:
    """Open local issues in the organisation's service area and fields (for マイページ)."""
    from django.db.models import Q

    keys = set(organisation.region_keys.values_list("key", flat=True))
    slugs = set(organisation.fields.values_list("slug", flat=True))
    if not keys or not slugs:
        return []
    area = Q()
    if NATIONWIDE_KEY not in keys:
        codes = [k[1:] for k in keys if k.startswith("M")]
        prefs = [k[1:] for k in keys if k.startswith("P")]
        area = (
            Q(municipality_id__in=codes)
            | Q(municipality__parent_id__in=codes)
            | Q(municipality__prefecture_id__in=prefs)
        )
    return list(
        LocalIssue.objects.filter(state=LocalIssue.State.OPEN, is_hidden=False)
        .filter(area)
        .filter(fields__slug__in=slugs)
        .select_related("municipality__prefecture")
        .distinct()
        .order_by("-created_at")[:limit]
    )
