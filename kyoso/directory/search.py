"""How an organisation becomes a search document."""

from kyoso.search.registry import SearchDocument

from .models import Organisation


def organisation_document(org: Organisation) -> SearchDocument:
    fields = list(org.fields.all())
    areas = [p.name for p in org.area_prefectures.all()] + [
        f"{m.prefecture.name}{m.name}" for m in org.area_municipalities.select_related("prefecture")
    ]
    labels = " ".join([*(f.name for f in fields), *areas, org.get_kind_display()])
    return SearchDocument(
        title=org.name,
        kana=org.name_kana,
        body=org.description,
        labels=labels,
        url=org.get_absolute_url(),
        platform_id=org.platform_id,
        is_public=org.is_listed,
        date=org.published_at,
        fields=[f.slug for f in fields],
        region_keys=list(org.region_keys.values_list("key", flat=True)),
        facets={"kind": [org.kind], "scale": [org.scale]},
    )
