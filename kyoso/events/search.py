"""How an event becomes a search document (title, kana, description, venue, organiser)."""

from django.utils.html import strip_tags

from kyoso.search.registry import SearchDocument

from .models import Event


def event_document(event: Event) -> SearchDocument:
    fields = list(event.fields.all())
    place = " ".join(
        filter(None, [event.venue_name, event.address, event.organiser, event.get_format_display()])
    )
    return SearchDocument(
        title=event.title,
        kana=event.title_kana,
        body="\n".join([strip_tags(event.description), place, event.state_note]),
        labels=" ".join(f.name for f in fields),
        url=event.get_absolute_url(),
        platform_id=event.platform_id,
        is_public=event.is_published,
        date=event.starts_at,
        fields=[f.slug for f in fields],
        region_keys=event.region_keys(),
        facets={"format": [event.format], "for": list(event.audiences)},
    )
