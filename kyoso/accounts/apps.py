"""Accounts: the custom user model (email login), personas and the account pages."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "kyoso.accounts"
    verbose_name = _("アカウント")
