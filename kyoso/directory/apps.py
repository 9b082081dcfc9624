"""Directory: the member directory (賛同団体・官公庁一覧) — joining, review, finding."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "kyoso.directory"
    verbose_name = _("賛同団体・官公庁一覧")

    def ready(self) -> None:
        from .figures import register_figures

        register_figures()
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
        from kyoso.core import blocks

        blocks.register(
            blocks.Block(
                "new_members",
                places=frozenset({blocks.PLATFORM_HOME}),
                template="directory/partials/_new_members.html",
                context=new_members_block,
                order=22,
            )
        )


def new_members_block(*, place, platform, organisation):
    """The prefectural platform's newest listed members (hidden when none)."""
    from .models import Organisation

    members = list(
        Organisation.objects.filter(platform=platform, status="published", is_suspended=False)
        .order_by("-published_at", "-id")
        .only("pk", "name", "kind", "published_at")[:5]
    )
    return {"members": members, "platform": platform} if members else None


def organisation_label(user, key: str) -> str | None:
    """A listed organisation can be followed (its new events and measures)."""
    from .models import Organisation

    if not key.isdigit():
        return None
    found = Organisation.objects.filter(pk=key, status="published", is_suspended=False).values_list(
        "name", flat=True
    )
    return found.first()
