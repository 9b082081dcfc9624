"""How a measure becomes a search document (title, summary, body, attachment titles)."""

from django.utils.html import strip_tags

from kyoso.search.registry import SearchDocument

from .models import Measure


def measure_document(measure: Measure) -> SearchDocument:
    attachments = " ".join(a.title for a in measure.attachments.all())
    fields = list(measure.fields.all())
    return SearchDocument(
        title=measure.title,
        body="\n".join(
            [measure.summary, strip_tags(measure.body), attachments, measure.agency, measure.bureau]
        ),
        url=measure.get_absolute_url(),
        platform_id=measure.platform_id,
        is_public=measure.is_published,
        date=measure.published_at,
        fields=[f.slug for f in fields],
        labels=" ".join(f.name for f in fields),
        facets={
            "kind": [measure.kind],
            "for": list(measure.audiences),
            "fy": [str(measure.fiscal_year)],
        },
    )
