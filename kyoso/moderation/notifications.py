"""Mail the submitter when their item is published or sent back."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from kyoso.core.tasks import send_email_task

from .models import Status


def notify_submitter(sender, instance, old, new, actor, **kwargs) -> None:
    user = instance.submitted_by
    if user is None or new not in (Status.PUBLISHED, Status.REJECTED) or old != Status.PENDING:
        return
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "object": instance,
            "site_url": settings.SITE_URL,
            "approved": new == Status.PUBLISHED,
        }
        subject = render_to_string("moderation/mail/decision_subject.txt", context).strip()
        body = render_to_string("moderation/mail/decision_body.txt", context)
    send_email_task.enqueue(
        {
            "subject": subject,
            "body": body,
            "from_email": settings.DEFAULT_FROM_EMAIL,
            "to": [user.email],
        }
    )
