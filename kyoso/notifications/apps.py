"""Notifications: follows, the on-site list and mail (at once or as digests) for every section."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "kyoso.notifications"
    verbose_name = _("お知らせ・フォロー")

    def ready(self) -> None:
        from kyoso.core import blocks

        blocks.register(
            blocks.Block(
                "my_notifications",
                places=frozenset({blocks.MY_PAGE}),
                template="notifications/partials/_my_page.html",
                context=my_page_block,
                order=5,
            )
        )


def my_page_block(*, place, platform, organisation, user):
    from .models import Notification

    unread = Notification.objects.filter(user=user, read_at__isnull=True).count()
    return {"unread": unread}
