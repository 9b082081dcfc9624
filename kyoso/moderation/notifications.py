"""Mail the submitter when their item is published or sent back."""

from django.conf import settings

from kyoso.core.tasks import send_templated_mail

from .models import Status


def notify_submitter(sender, instance, old, new, actor, **kwargs) -> None:
    user = instance.submitted_by
    if user is None or new not in (Status.PUBLISHED, Status.REJECTED) or old != Status.PENDING:
        return
    context = {
        "object": instance,
        "site_url": settings.SITE_URL,
        "approved": new == Status.PUBLISHED,
    }
    send_templated_mail("moderation/mail/decision", context, [user.email])
