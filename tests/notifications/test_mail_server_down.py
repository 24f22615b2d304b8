"""Mail server down, over real SMTP: bookings and submissions are saved, emails kept and delivered later.

The faults are real sockets on loopback (a closed port, a server that accepts then drops the
connection, one that never answers); delivery afterwards goes to a real SMTP server (aiosmtpd)
through `manage.py retry_emails`.
"""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from events.models import Booking
from events.services.tokens import booking_token
from notifications.models import EmailStatus, OutboundEmail
from resources.models import ResourcePage
from tests.events.conftest import form_data
from tests.factories import EventPageFactory, ResourcePageFactory
from tests.notifications.smtp_servers import free_port, misbehaving_server, smtp_sink
from tests.resources.admin_helpers import coordinator, lead_of, resource_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp_settings(settings):
    """Deliver over Django's real SMTP backend; the test points EMAIL_PORT at each server."""
    settings.OUTBOX_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 1
    return settings


def mail_server_down(behaviour: str):
    if behaviour == "closed port":
        return _closed_port()
    return misbehaving_server(behaviour)


class _closed_port:
    def __enter__(self) -> int:
        return free_port()  # bound then released: nothing listens there

    def __exit__(self, *exc) -> None:
        return None


def retry_now() -> str:
    """What cron does later: retry_emails, once the back-off has passed."""
    OutboundEmail.objects.filter(status=EmailStatus.FAILED).update(
        next_attempt_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    out = io.StringIO()
    call_command("retry_emails", stdout=out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("behaviour", "error"),
    [("closed port", "ConnectionRefusedError"), ("drops", "SMTPServerDisconnected"), ("silent", "TimeoutError")],
)
def test_a_booking_is_saved_and_its_email_delivered_once_the_server_is_back(
    client, smtp_settings, behaviour, error, django_capture_on_commit_callbacks
):
    event = EventPageFactory(capacity=5)
    with mail_server_down(behaviour) as port:
        smtp_settings.EMAIL_PORT = port
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(event.url + "book/", form_data())
    assert response.status_code == 302  # the attendee sees their booking, not an error
    booking = Booking.objects.get()
    email = OutboundEmail.objects.get()
    assert email.status == EmailStatus.FAILED and email.attempts == 1
    assert error in email.last_error or (error == "TimeoutError" and "timed out" in email.last_error)

    with smtp_sink() as (sink, port):
        smtp_settings.EMAIL_PORT = port
        assert "1 sent" in retry_now()
        assert "0 sent" in retry_now()  # never twice
    email.refresh_from_db()
    assert email.status == EmailStatus.SENT and email.attempts == 2
    [message] = sink.messages
    assert sink.recipients == [["attendee@example.org"]]
    assert message["Subject"].startswith("Booking confirmed")
    body = next(part for part in message.walk() if part.get_content_type() == "text/plain").get_payload(decode=True)
    assert booking_token(booking) in body.decode()


def test_a_submission_is_saved_and_the_coordinators_email_is_kept_until_sent(
    client, smtp_settings, camden, django_capture_on_commit_callbacks
):
    """Wagtail drops a moderation email it cannot send; through the outbox backend it is kept and retried."""
    smtp_settings.EMAIL_BACKEND = "notifications.backends.OutboxBackend"
    reviewer = coordinator("synthetic-coordinator")
    client.force_login(lead_of("Camden", "synthetic-lead"))
    page = ResourcePageFactory(parent=camden, title="Strategy discussion checklist")
    with misbehaving_server("drops") as port:
        smtp_settings.EMAIL_PORT = port
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("wagtailadmin_pages:edit", args=[page.pk]),
                resource_form_data(page, title="Strategy discussion checklist v2", action="action-submit"),
            )
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert (
        ResourcePage.objects.get(pk=page.pk).get_latest_revision_as_object().title == "Strategy discussion checklist v2"
    )
    kept = OutboundEmail.objects.get(to=reviewer.email)
    assert kept.status == EmailStatus.FAILED and "Strategy discussion checklist v2" in kept.subject + kept.body

    with smtp_sink() as (sink, port):
        smtp_settings.EMAIL_PORT = port
        retry_now()
    assert [reviewer.email] in sink.recipients
    assert OutboundEmail.objects.unsent().count() == 0
