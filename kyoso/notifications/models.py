"""Follows, on-site notifications and how each person wants their mail."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Follow(models.Model):
    class Target(models.TextChoices):
        THREAD = "thread", _("スレッド")
        BOARD = "board", _("掲示板")
        ORGANISATION = "organisation", _("団体")
        PREFECTURE = "prefecture", _("都道府県")
        FIELD = "field", _("分野")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    target = models.CharField(max_length=16, choices=Target.choices)
    key = models.CharField(max_length=40)  # a thread or board id, a prefecture code, a slug…
    label = models.CharField(max_length=200, blank=True)  # what it was called when followed
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "target", "key"], name="follow_once")
        ]
        indexes = [models.Index(fields=["target", "key"], name="follow_target")]

    def __str__(self) -> str:
        return f"{self.target}:{self.key}"


class Preference(models.Model):
    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("すぐに1通ずつ")
        DAILY = "daily", _("1日1回まとめて")
        WEEKLY = "weekly", _("週1回まとめて")
        OFF = "off", _("メールを受け取らない")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    frequency = models.CharField(
        _("お知らせメール"),
        max_length=10,
        choices=Frequency.choices,
        default=Frequency.IMMEDIATE,
    )
    last_digest_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.frequency


class Notification(models.Model):
    class Mail(models.TextChoices):
        PENDING = "pending", _("送信待ち")
        SENT = "sent", _("送信済み")
        NONE = "none", _("送らない")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    text = models.CharField(max_length=300)
    url = models.CharField(max_length=300)
    # Who may still see it: '' for anyone, or a gate that a content app checks when it is shown
    # and mailed (e.g. "board:7" for a members-only board), so a withdrawn right withdraws it.
    gate = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    mail = models.CharField(max_length=10, choices=Mail.choices, default=Mail.PENDING)
    mail_attempts = models.PositiveSmallIntegerField(default=0)
    mailed_at = models.DateTimeField(null=True, blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "-created_at"], name="notification_user")]

    def __str__(self) -> str:
        return self.text
