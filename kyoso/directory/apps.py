"""Directory: the member directory (賛同団体・官公庁一覧) — joining, review, finding."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "kyoso.directory"
    verbose_name = _("賛同団体・官公庁一覧")

    def ready(self) -> None:
        from kyoso.moderation import registry as moderation
        from kyoso.search import registry as search

        from .models import Organisation
        from .revisions import SPEC
        from .search import organisation_document

        moderation.register(
            Organisation, review_template="directory/partials/_review.html", revisions=SPEC
        )
        search.register(Organisation, document=organisation_document, label=_("団体・行政機関"))
        from kyoso.notifications import targets

        targets.register("organisation", organisation_label)


def organisation_label(user, key: str) -> str | None:
    """A listed organisation can be followed (its new events and measures)."""
    from .models import Organisation

    if not key.isdigit():
        return None
    found = Organisation.objects.filter(pk=key, status="published", is_suspended=False).values_list(
        "name", flat=True
    )
    return found.first()
