"""Header injection: CR/LF in a booking's name, email or organisation, or in an event title that becomes
the subject, never adds a header or a recipient (checked on the wire, at a real SMTP server)."""

import re

import pytest

from events.models import Booking
from notifications.services import queue_email
from tests.events.conftest import form_data
from tests.factories import EventPageFactory
from tests.notifications.smtp_servers import smtp_sink

pytestmark = pytest.mark.django_db

INJECTED = "Synthetic\r\nBcc: victim@example.org\r\nX-Injected: yes\n\nBody takeover"


@pytest.fixture
def wire(settings):
    """Deliver over SMTP to aiosmtpd, so the test sees exactly what a mail server would."""
    with smtp_sink() as (sink, port):
        settings.OUTBOX_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        yield sink


def assert_no_injection(sink) -> None:
    assert sink.messages, "nothing was delivered"
    for message, recipients in zip(sink.messages, sink.recipients, strict=True):
        assert "victim@example.org" not in recipients
        assert message["Bcc"] is None and message["X-Injected"] is None
        # Long subjects are folded (a line break followed by a space); nothing else may break them.
        subject = re.sub(r"\r?\n[ \t]", " ", message["Subject"])
        assert "\n" not in subject and "\r" not in subject


def test_booking_fields(client, wire, django_capture_on_commit_callbacks):
    event = EventPageFactory(capacity=5, title="Practice day")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            event.url + "book/", form_data(name=INJECTED, organisation=INJECTED, role=INJECTED, access_needs=INJECTED)
        )
    assert response.status_code in (302, 400)
    if response.status_code == 302:
        assert_no_injection(wire)
    else:
        assert not Booking.objects.exists()


@pytest.mark.parametrize(
    "email", ["attendee@example.org\r\nBcc: victim@example.org", "attendee@example.org\nX-Injected: yes"]
)
def test_booking_email_address_is_refused(client, wire, email):
    event = EventPageFactory(capacity=5)
    response = client.post(event.url + "book/", form_data(email=email))
    assert response.status_code == 400
    assert not Booking.objects.exists() and not wire.messages


def test_event_title_in_the_subject(client, wire, django_capture_on_commit_callbacks):
    event = EventPageFactory(capacity=5, title=INJECTED)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(event.url + "book/", form_data()).status_code == 302
    assert_no_injection(wire)
    assert wire.recipients == [["attendee@example.org"]]


def test_subject_passed_to_the_outbox(wire, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queue_email("attendee@example.org", INJECTED, "Body")
    assert_no_injection(wire)
