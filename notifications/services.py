"""The outbox: queue an email now, send it in the background, retry it if the server fails.

Other apps send mail only through `queue_email`:

    from notifications.services import Attachment, queue_email

    queue_email(
        "someone@example.org",
        "Your booking",
        "Plain-text body…",
        html="<p>Optional HTML body…</p>",
        attachments=[Attachment("event.ics", ics_text, "text/calendar")],
        category="events.confirmation",
    )

The row is saved in the caller's transaction and the send is queued when that transaction
commits, so a rolled-back booking never emails and a slow or failing mail server never
loses one: failures are recorded on the row and `python manage.py retry_emails` tries again.
"""

import base64
import datetime
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.utils import timezone

from notifications import tasks  # the module: see notifications.tasks
from notifications.models import EmailStatus, OutboundEmail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
FIRST_RETRY_DELAY = datetime.timedelta(minutes=5)
# An email still queued this long after it was saved lost its task (a worker restart, say).
STALE_QUEUED_AFTER = datetime.timedelta(minutes=15)


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: str
    mimetype: str = "text/plain"
    encoding: str = ""  # "base64" for binary content


def queue_email(
    to: str,
    subject: str,
    body: str,
    *,
    html: str = "",
    attachments: Sequence[Attachment] = (),
    category: str = "",
) -> OutboundEmail:
    """Save an email to the outbox and send it in a background task once the transaction commits.

    `to` is one address; `body` is the plain-text version (always sent), `html` an optional
    alternative; `attachments` are text files such as an .ics invitation; `category` says
    which feature sent it (shown to coordinators, used to filter). Returns the saved row.
    """
    email = OutboundEmail.objects.create(
        to=to,
        # Header injection: a subject never carries a line break, whatever the caller passes.
        subject=" ".join(subject.split())[:255],
        body=body,
        html_body=html,
        attachments=[
            {"filename": a.filename, "content": a.content, "mimetype": a.mimetype}
            | ({"encoding": a.encoding} if a.encoding else {})
            for a in attachments
        ],
        category=category,
    )
    transaction.on_commit(partial(_enqueue, email.pk), robust=True)
    return email


def _enqueue(email_id: int) -> None:
    tasks.send_email_task.enqueue(email_id)


def retry_delay(attempts: int) -> datetime.timedelta:
    """Back-off after `attempts` failures: 5 minutes, then 15, 45, 135…"""
    return FIRST_RETRY_DELAY * (3 ** max(attempts - 1, 0))


OUTBOX_BACKEND = "notifications.backends.OutboxBackend"


def delivery_backend() -> str:
    """The backend that really sends: OUTBOX_EMAIL_BACKEND, or EMAIL_BACKEND when that is not the outbox."""
    backend = getattr(settings, "OUTBOX_EMAIL_BACKEND", "") or settings.EMAIL_BACKEND
    if backend == OUTBOX_BACKEND:
        # Delivering through the outbox would queue the email again, for ever.
        raise ImproperlyConfigured("OUTBOX_EMAIL_BACKEND must name a backend that sends, not the outbox itself.")
    return backend


def build_message(email: OutboundEmail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        email.subject,
        email.body,
        settings.DEFAULT_FROM_EMAIL,
        [email.to],
        connection=get_connection(delivery_backend(), fail_silently=False),
    )
    if email.html_body:
        message.attach_alternative(email.html_body, "text/html")
    for item in email.attachments:
        content = item["content"]
        if item.get("encoding") == "base64":
            content = base64.b64decode(content)
        message.attach(item["filename"], content, item.get("mimetype") or "text/plain")
    return message


def deliver(email_id: int) -> OutboundEmail | None:
    """Send one outbox email now, recording success or the failure and when to try again.

    Safe to call twice (task and cron at once): the row is locked and a sent email is
    never sent again. After MAX_ATTEMPTS failures the email is marked as given up.
    """
    with transaction.atomic():
        email = OutboundEmail.objects.select_for_update().filter(pk=email_id).first()
        if email is None or email.status in (EmailStatus.SENT, EmailStatus.GAVE_UP):
            return email
        email.attempts += 1
        try:
            build_message(email).send(fail_silently=False)
        except Exception as error:  # any backend failure is recorded and retried
            email.last_error = f"{type(error).__name__}: {error}"[:2000]
            if email.attempts >= MAX_ATTEMPTS:
                email.status = EmailStatus.GAVE_UP
                email.next_attempt_at = None
            else:
                email.status = EmailStatus.FAILED
                email.next_attempt_at = timezone.now() + retry_delay(email.attempts)
            # The address is personal data: log the row, never the recipient.
            logger.warning("Email %s failed (attempt %s): %s", email.pk, email.attempts, type(error).__name__)
        else:
            email.status = EmailStatus.SENT
            email.sent_at = timezone.now()
            email.next_attempt_at = None
            email.last_error = ""
        email.save(update_fields=["attempts", "status", "sent_at", "next_attempt_at", "last_error"])
        return email


def retry_due(now: datetime.datetime | None = None) -> list[OutboundEmail]:
    """Try again every failed email whose back-off has passed, and any queued email whose task was lost."""
    now = now or timezone.now()
    failed = list(OutboundEmail.objects.due_for_retry(now).values_list("pk", flat=True))
    stale = list(
        OutboundEmail.objects.filter(status=EmailStatus.QUEUED, created_at__lte=now - STALE_QUEUED_AFTER).values_list(
            "pk", flat=True
        )
    )
    return [email for email in (deliver(pk) for pk in [*failed, *stale]) if email is not None]


CLEARED_BODY = "[Cleared after the retention period: it held one-time links.]"


def clear_old_bodies(now: datetime.datetime | None = None) -> int:
    """Blank the bodies and attachments of emails finished more than EMAIL_BODY_RETENTION_DAYS ago.

    Booking and set-password emails carry one-time links; kept in the outbox (and so in every
    backup) they would stay usable by anyone who reads the table. Recipient, subject, status and
    dates stay, so the outbox still answers "was it sent?". Unsent emails keep their bodies.
    """
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.EMAIL_BODY_RETENTION_DAYS)
    old = OutboundEmail.objects.finished_before(cutoff).exclude(body=CLEARED_BODY)
    return old.update(body=CLEARED_BODY, html_body="", attachments=[])
