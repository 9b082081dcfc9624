"""How a notice becomes a search document."""

from kyoso.search.registry import SearchDocument

from .models import Notice


def notice_document(notice: Notice) -> SearchDocument:
    return SearchDocument(
        title=notice.title,
        body=notice.body,
        platform_id=notice.platform_id,
        date=notice.published_at,
        url=notice.get_absolute_url(),
        is_public=notice.is_published,
    )
