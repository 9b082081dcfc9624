"""How a case becomes a search document: its text, actors and results, by region and field."""

from kyoso.search.registry import SearchDocument

from .models import Case


def case_document(case: Case) -> SearchDocument:
    fields = list(case.fields.all())
    actors = list(case.actors.all())
    outcomes = " ".join(f"{o.label} {o.display_value}" for o in case.outcomes.all())
    return SearchDocument(
        title=case.title,
        kana=case.title_kana,
        body="\n".join(
            [
                case.summary,
                case.issue,
                case.approach,
                case.results,
                outcomes,
                case.funding,
                case.tips,
                " ".join(f"{a.name} {a.part}" for a in actors),
                case.region_label(),
            ]
        ),
        labels=" ".join([f.name for f in fields] + [a.get_role_display() for a in actors]),
        url=case.get_absolute_url(),
        platform_id=case.platform_id,
        is_public=case.is_published,
        date=case.published_at,
        fields=[f.slug for f in fields],
        region_keys=case.region_keys(),
        facets={
            "actor": sorted({a.role for a in actors}),
            "measure": [str(pk) for pk in case.measures.values_list("pk", flat=True)],
        },
    )
