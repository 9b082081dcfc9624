"""How a thread becomes a search document: its title and opening post. Threads of members-only
boards and hidden threads are never indexed, so search never shows them to anyone."""

from kyoso.search.registry import SearchDocument

from .models import Post, Thread


def thread_document(thread: Thread) -> SearchDocument:
    board = thread.board
    first = Post.objects.filter(thread=thread, number=1).first()
    visible = bool(first and first.is_visible)
    fields = list(thread.fields.all())
    keys = []
    if thread.municipality_id:
        from kyoso.regions.codes import muni_key

        keys.append(muni_key(thread.municipality_id))
    if thread.prefecture_id:
        from kyoso.regions.codes import pref_key

        keys.append(pref_key(thread.prefecture_id))
    return SearchDocument(
        title=thread.title,
        body=first.body if visible else "",
        labels=" ".join([board.name, *(f.name for f in fields)]),
        url=thread.get_absolute_url(),
        platform_id=board.platform_id,
        is_public=visible and not thread.is_hidden and not board.members_only,
        date=thread.created_at,
        fields=[f.slug for f in fields],
        region_keys=keys,
        facets={"board": [board.slug]},
    )
