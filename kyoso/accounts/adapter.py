"""allauth adapter: mail goes out through the tasks framework, after the transaction commits."""

from allauth.account.adapter import DefaultAccountAdapter
from django.db import transaction

from kyoso.core.tasks import send_email_task, serialise_message


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        message = self.render_mail(template_prefix, email, context)
        payload = serialise_message(message)
        transaction.on_commit(lambda: send_email_task.enqueue(payload))
