"""News: notices per platform (お知らせ). The reference content type for the shared machinery."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "kyoso.news"
    verbose_name = _("お知らせ")

    def ready(self) -> None:
        from kyoso.moderation import registry as moderation
        from kyoso.search import registry as search

        from .models import Notice
        from .search import notice_document

        moderation.register(Notice, review_template="news/partials/_review.html")
        search.register(Notice, document=notice_document, label=_("お知らせ"))
