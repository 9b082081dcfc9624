"""Regions: prefectures, municipalities and the 23 fields of the seed document."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "kyoso.regions"
    verbose_name = _("地域・分野")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from . import reference

        for model_name in ("Prefecture", "Field", "Municipality"):
            model = self.get_model(model_name)
            post_save.connect(reference.clear, sender=model, dispatch_uid=f"ref.save.{model_name}")
            post_delete.connect(reference.clear, sender=model, dispatch_uid=f"ref.del.{model_name}")
