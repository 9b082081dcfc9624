"""Saves made through the Django admin (/django-admin/) are audited like every action."""

from .models import AuditEntry

ADMIN_ACTIONS = {1: "admin.add", 2: "admin.change", 3: "admin.delete"}


def record_admin_change(sender, instance, created, **kwargs) -> None:
    if not created:
        return
    user = instance.user
    AuditEntry.objects.create(
        actor=user,
        actor_email=getattr(user, "email", "") or "",
        action=ADMIN_ACTIONS.get(instance.action_flag, "admin.change"),
        target_type=(
            f"{instance.content_type.app_label}.{instance.content_type.model}"
            if instance.content_type_id
            else ""
        ),
        target_id=str(instance.object_id or "")[:64],
        target_repr=(instance.object_repr or "")[:200],
        data={"message": instance.get_change_message()[:1000], "via": "django-admin"},
    )
