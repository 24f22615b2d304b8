"""notifications.backends.OutboxBackend: Django's send_mail saves to the outbox, one row per recipient."""

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail

from notifications.models import EmailStatus, OutboundEmail
from notifications.services import deliver

pytestmark = pytest.mark.django_db


@pytest.fixture
def outbox_backend(settings):
    settings.EMAIL_BACKEND = "notifications.backends.OutboxBackend"
    settings.OUTBOX_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def test_send_mail_is_saved_per_recipient_and_delivered(outbox_backend, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert send_mail("Moderation", "Please review", None, ["a@example.org", "b@example.org"]) == 1
    rows = OutboundEmail.objects.order_by("to")
    assert [row.to for row in rows] == ["a@example.org", "b@example.org"]
    assert {row.status for row in rows} == {EmailStatus.SENT}
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]


def test_html_and_binary_attachments_survive_the_outbox(outbox_backend, django_capture_on_commit_callbacks):
    message = EmailMultiAlternatives("Report", "Text", None, ["a@example.org"])
    message.attach_alternative("<p>Text</p>", "text/html")
    message.attach("data.bin", b"\x00\xff\x10binary", "application/octet-stream")
    message.attach("notes.txt", "plain notes", "text/plain")
    with django_capture_on_commit_callbacks(execute=True):
        message.send()
    [sent] = mail.outbox
    assert sent.alternatives[0][0] == "<p>Text</p>"
    assert ("data.bin", b"\x00\xff\x10binary", "application/octet-stream") in sent.attachments
    assert ("notes.txt", "plain notes", "text/plain") in sent.attachments


def test_the_outbox_refuses_to_deliver_through_itself(settings):
    settings.EMAIL_BACKEND = settings.OUTBOX_EMAIL_BACKEND = "notifications.backends.OutboxBackend"
    email = OutboundEmail.objects.create(to="a@example.org", subject="Loop", body="x")
    deliver(email.pk)
    email.refresh_from_db()
    # Kept and flagged, not queued again for ever.
    assert email.status == EmailStatus.FAILED and "ImproperlyConfigured" in email.last_error
    assert OutboundEmail.objects.count() == 1
