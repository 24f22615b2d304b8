"""The outbox: emails are saved, sent after commit, failures recorded, retried with back-off, then given up."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from notifications.models import EmailStatus, OutboundEmail
from notifications.services import MAX_ATTEMPTS, Attachment, deliver, queue_email, retry_delay, retry_due

pytestmark = pytest.mark.django_db


class BrokenBackend:
    """A mail server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


@pytest.fixture
def broken_mail(settings):
    settings.EMAIL_BACKEND = "tests.notifications.test_outbox.BrokenBackend"


def test_queued_email_is_sent_only_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        email = queue_email("someone@example.org", "Hello", "Body")
    assert len(mail.outbox) == 0
    assert email.status == EmailStatus.QUEUED
    for callback in callbacks:
        callback()
    email.refresh_from_db()
    assert email.status == EmailStatus.SENT and email.sent_at and email.attempts == 1
    [sent] = mail.outbox
    assert sent.to == ["someone@example.org"] and sent.subject == "Hello" and sent.body == "Body"


def test_html_and_attachments_are_sent(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queue_email(
            "someone@example.org",
            "Invite",
            "Text",
            html="<p>Text</p>",
            attachments=[Attachment("event.ics", "BEGIN:VCALENDAR", "text/calendar")],
            category="events.confirmation",
        )
    [sent] = mail.outbox
    assert sent.alternatives[0][1] == "text/html"
    assert sent.attachments == [("event.ics", "BEGIN:VCALENDAR", "text/calendar")]


def test_a_subject_never_carries_a_line_break():
    email = queue_email("someone@example.org", "Hello\r\nBcc: other@example.org", "Body")
    assert email.subject == "Hello Bcc: other@example.org"


def test_a_failed_send_is_recorded_and_never_loses_the_email(broken_mail, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email = queue_email("someone@example.org", "Hello", "Body")
    email.refresh_from_db()
    assert email.status == EmailStatus.FAILED
    assert email.attempts == 1
    assert "ConnectionRefusedError" in email.last_error
    assert email.next_attempt_at > timezone.now() + datetime.timedelta(minutes=4)


def test_retry_waits_for_the_back_off_then_sends(broken_mail, settings):
    email = queue_email("someone@example.org", "Hello", "Body")
    deliver(email.pk)
    assert retry_due() == []  # too soon
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    later = timezone.now() + retry_delay(1) + datetime.timedelta(seconds=1)
    [retried] = retry_due(now=later)
    assert retried.status == EmailStatus.SENT and retried.attempts == 2
    assert len(mail.outbox) == 1


def test_back_off_grows_and_the_outbox_gives_up(broken_mail):
    assert retry_delay(1) < retry_delay(2) < retry_delay(3)
    email = queue_email("someone@example.org", "Hello", "Body")
    for _ in range(MAX_ATTEMPTS):
        deliver(email.pk)
    email.refresh_from_db()
    assert email.status == EmailStatus.GAVE_UP and email.attempts == MAX_ATTEMPTS
    deliver(email.pk)
    email.refresh_from_db()
    assert email.attempts == MAX_ATTEMPTS


def test_a_sent_email_is_never_sent_again():
    email = queue_email("someone@example.org", "Hello", "Body")
    deliver(email.pk)
    deliver(email.pk)
    assert len(mail.outbox) == 1


def test_an_email_whose_task_was_lost_is_picked_up():
    email = queue_email("someone@example.org", "Hello", "Body")  # on_commit never ran
    OutboundEmail.objects.filter(pk=email.pk).update(created_at=timezone.now() - datetime.timedelta(hours=1))
    [sent] = retry_due()
    assert sent.status == EmailStatus.SENT


def test_retry_emails_command(broken_mail, settings):
    email = queue_email("someone@example.org", "Hello", "Body")
    deliver(email.pk)
    OutboundEmail.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now() - datetime.timedelta(minutes=1))
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    out = io.StringIO()
    call_command("retry_emails", stdout=out)
    assert "1 sent" in out.getvalue()


def test_failure_is_logged_without_the_address(broken_mail, caplog):
    email = queue_email("private.person@example.org", "Hello", "Body")
    deliver(email.pk)
    assert "failed" in caplog.text
    assert "private.person" not in caplog.text


def test_coordinators_see_the_outbox_in_the_admin(client, broken_mail):
    email = queue_email(
        "someone@example.org", "Booking confirmed: Practice day", "Body", category="events.confirmation"
    )
    deliver(email.pk)
    user = get_user_model().objects.create_superuser("coordinator", "c@example.org", "x")
    client.force_login(user)
    response = client.get("/admin/outbox/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Booking confirmed: Practice day" in html and "Failed, will retry" in html
    filtered = client.get("/admin/outbox/", {"status": "sent"})
    assert "Booking confirmed: Practice day" not in filtered.content.decode()


def test_people_without_permission_cannot_see_the_outbox(client):
    user = get_user_model().objects.create_user("reader", "r@example.org", "x")
    client.force_login(user)
    assert client.get("/admin/outbox/").status_code in (302, 403)
