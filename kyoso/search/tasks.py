"""Index updates run as tasks after the change commits."""

from django.apps import apps
from django.tasks import task

from .engine import index_object


@task
def index_object_task(model_label: str, pk: str) -> None:
    model = apps.get_model(model_label)
    obj = model._default_manager.filter(pk=pk).first()
    if obj is not None:
        index_object(obj)


def schedule_index(obj) -> None:
    """Call inside the action's transaction: the index follows once the change is committed."""
    from django.db import transaction

    label, pk = obj._meta.label_lower, str(obj.pk)
    transaction.on_commit(lambda: index_object_task.enqueue(label, pk))
