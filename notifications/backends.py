"""An email backend that puts every message Django or Wagtail sends into the outbox.

With EMAIL_BACKEND = "notifications.backends.OutboxBackend", mail sent with send_mail
(Wagtail's moderation notifications on submission, invitations, review digests) is saved
as OutboundEmail rows and delivered by the outbox over OUTBOX_EMAIL_BACKEND (the real
SMTP backend, from EMAIL_URL), so a mail server that is down delays these emails instead of
losing them (Wagtail logs and drops a notification it cannot send).
"""

import base64
from collections.abc import Sequence
from email.mime.base import MIMEBase
from typing import Any

from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend

from notifications.services import Attachment, queue_email


class OutboxBackend(BaseEmailBackend):
    """Queue each recipient of each message as its own outbox row (no one sees the others' addresses)."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        count = 0
        for message in email_messages:
            attachments = [_attachment(item) for item in message.attachments]
            html = _html_alternative(message)
            for recipient in message.recipients():
                queue_email(
                    recipient,
                    message.subject,
                    message.body,
                    html=html,
                    attachments=attachments,
                    category="mail",
                )
            count += 1
        return count


def _html_alternative(message: EmailMessage) -> str:
    if not isinstance(message, EmailMultiAlternatives):
        return ""
    for alternative in message.alternatives:
        content, mimetype = alternative[0], alternative[1]
        if mimetype == "text/html":
            return content if isinstance(content, str) else content.decode()
    return ""


def _attachment(item: Any) -> Attachment:
    """A (filename, content, mimetype) attachment; binary content is kept base64-encoded."""
    if isinstance(item, MIMEBase):
        filename = item.get_filename() or "attachment"
        content: str | bytes = item.get_payload(decode=True) or b""
        mimetype = item.get_content_type()
    else:
        filename, content, mimetype = item[0], item[1], item[2] or "application/octet-stream"
    if isinstance(content, bytes):
        try:
            content = content.decode()
        except UnicodeDecodeError:
            return Attachment(filename, base64.b64encode(content).decode(), mimetype, encoding="base64")
    return Attachment(filename, content, mimetype)
