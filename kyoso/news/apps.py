"""News: notices per platform (お知らせ). The reference content type for the shared machinery."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "kyoso.news"
    verbose_name = _("お知らせ")

    def ready(self) -> None:
        from kyoso.core import blocks
        from kyoso.moderation import registry as moderation
        from kyoso.search import registry as search

        from .models import Notice
        from .search import notice_document

        moderation.register(Notice, review_template="news/partials/_review.html")
        search.register(Notice, document=notice_document, label=_("お知らせ"))
        blocks.register(
            blocks.Block(
                "news",
                places=frozenset({blocks.NATIONAL_HOME, blocks.PLATFORM_HOME}),
                template="news/partials/_home_block.html",
                context=home_block,
                order=20,
            )
        )


def home_block(*, place, platform, organisation):
    """The latest notices of the national site, or of a prefecture on its home (shown even when
    there are none yet: the partial says so)."""
    from .selectors import latest_news

    if place == "platform_home":
        return {"notices": latest_news(platform=platform, limit=5), "platform": platform}
    return {"notices": latest_news(platform=None, limit=5), "platform": None}
