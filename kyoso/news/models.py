"""Notice: a dated announcement of one platform."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kyoso.moderation.models import Publishable


class Notice(Publishable):
    title = models.CharField(_("件名"), max_length=120)
    body = models.TextField(
        _("本文"),
        max_length=10000,
        help_text=_("改行はそのまま表示されます。URL は自動でリンクになります。"),
    )

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["status", "platform", "-published_at"])]
        verbose_name = _("お知らせ")
        verbose_name_plural = _("お知らせ")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("news:detail", kwargs={"pk": self.pk})
