"""Background tasks shared by every app (Django's tasks framework)."""

from django.core.mail import EmailMultiAlternatives
from django.tasks import task


def serialise_message(message: EmailMultiAlternatives) -> dict:
    """A JSON-safe copy of a rendered message, so it can wait in the task queue."""
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
    }


@task
def send_email_task(payload: dict) -> None:
    message = EmailMultiAlternatives(
        subject=payload["subject"],
        body=payload["body"],
        from_email=payload.get("from_email"),
        to=payload["to"],
    )
    for content, mimetype in payload.get("alternatives", []):
        message.attach_alternative(content, mimetype)
    message.send()


def send_templated_mail(template_prefix: str, context: dict, to: list[str]) -> None:
    """Render `<prefix>_subject.txt` and `<prefix>_body.txt` in the site's language and send them
    from the task queue once the current transaction commits (at once outside a transaction)."""
    from django.conf import settings
    from django.db import transaction
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):
        payload = {
            "subject": render_to_string(f"{template_prefix}_subject.txt", context).strip(),
            "body": render_to_string(f"{template_prefix}_body.txt", context),
            "from_email": settings.DEFAULT_FROM_EMAIL,
            "to": to,
        }
    transaction.on_commit(lambda: send_email_task.enqueue(payload))
