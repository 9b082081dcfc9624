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
