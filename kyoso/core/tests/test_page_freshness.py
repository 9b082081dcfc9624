"""Every model of the project says how a change to it reaches the anonymous page cache
(kyoso.core.pagecache). A model that cached pages show and that nothing renews leaves visitors
with an old page until some other content changes: a new model must be placed here on purpose.

Renewed without a word here: models of the content apps (kyoso.core.cache.CONTENT_APPS, through
their save signals), search types (every write of one is followed by its search entry, which
renews the pages) and models with `pages_changed` connected to their save signal."""

from django.apps import apps
from django.db.models.signals import post_save

from kyoso.core.cache import CONTENT_APPS, pages_changed
from kyoso.search import registry

# The rest: each with how its changes reach cached pages, or why no cached page shows it.
DECLARED = {
    "accounts.User": "names appear only on uncached pages (board, members, histories)",
    "accounts.Verification": "the coordinators' page and counts are not cached",
    "audit.AuditEntry": "staff pages only",
    "moderation.PendingRevision": "review queues and authors' own pages only",
    "moderation.RevisionFile": "review queues and authors' own pages only",
    "events.Change": "written with the event's edit, which reindexes the event",
    "notifications.Follow": "signed-in pages only",
    "notifications.Preference": "signed-in pages only",
    "notifications.Notification": "signed-in pages only",
    "board.Board": "boards_changed renews the pages (the home pages show board names)",
    "board.Post": "reply_create calls pages_changed (the home pages show reply counts); thread "
    "pages are not cached",
    "board.PostEdit": "thread pages are not cached",
    "board.SameProblem": "same_problem_toggle calls pages_changed (the home pages show the count)",
    "board.ThreadRead": "signed-in pages only",
    "board.Report": "moderators' pages only",
    "board.NgWord": "moderators' pages only",
    "board.BoardSettings": "moderators' pages only",
    "board.Suspension": "moderators' pages only",
    "board.PostAttachment": "thread pages are not cached",
    "cases.Actor": "written with the case's edit, which reindexes the case",
    "cases.Outcome": "written with the case's edit, which reindexes the case",
    "cases.Photo": "written with the case's edit, which reindexes the case",
    "videos.Speaker": "written with the video's edit, which reindexes the video",
    "videos.Material": "written with the video's edit, which reindexes the video",
    "videos.Completion": "signed-in pages only (マイページ, training progress)",
    "local.Answer": "kyoso.local.apps renews the pages on a new answer (lists show the count)",
    "local.Message": "signed-in pages only (an answer's conversation)",
    "local.Meeting": "signed-in pages only (協議体 records)",
}


def _renewed_without_a_word(model) -> bool:
    indexed = {t.model for t in registry.all_types()}
    receivers = post_save._live_receivers(model)[0]
    return (
        model._meta.app_label in CONTENT_APPS
        or model in indexed
        or any(r is pages_changed for r in receivers)
    )


def test_every_model_says_how_cached_pages_follow_it():
    ours = [m for m in apps.get_models() if m.__module__.startswith("kyoso.")]
    unsaid = [
        m._meta.label
        for m in ours
        if not _renewed_without_a_word(m) and m._meta.label not in DECLARED
    ]
    assert not unsaid, (
        "say how anonymous cached pages follow changes to these models (connect "
        "kyoso.core.cache.pages_changed, or add them to DECLARED with the reason): "
        + ", ".join(unsaid)
    )
    labels = {m._meta.label for m in ours}
    stale = [
        label
        for label in DECLARED
        if label not in labels or _renewed_without_a_word(apps.get_model(label))
    ]
    assert not stale, f"no longer needed in DECLARED: {stale}"


def test_models_connected_to_pages_changed():
    from kyoso.events.models import Application
    from kyoso.videos.models import Series

    for model in (Application, Series):
        assert _renewed_without_a_word(model) and model._meta.label not in DECLARED
