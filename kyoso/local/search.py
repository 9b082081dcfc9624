"""How a local issue becomes a search document (hidden ones are not public)."""

from kyoso.regions.codes import inside_pref_key, muni_key
from kyoso.search.registry import SearchDocument

from .models import LocalIssue


def issue_document(issue: LocalIssue) -> SearchDocument:
    fields = list(issue.fields.all())
    muni = issue.municipality
    keys = [muni_key(muni.lg_code), inside_pref_key(muni.prefecture_id)]
    if muni.parent_id:
        keys.append(muni_key(muni.parent_id))
    return SearchDocument(
        title=issue.title,
        body="\n".join([issue.description, issue.partner_needs, muni.name]),
        labels=" ".join(f.name for f in fields),
        url=issue.get_absolute_url(),
        platform_id=issue.platform_id,
        is_public=not issue.is_hidden,
        date=issue.created_at,
        fields=[f.slug for f in fields],
        region_keys=keys,
        facets={"state": [issue.state]},
    )
