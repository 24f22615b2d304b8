"""Sent emails lose their bodies (one-time links) after EMAIL_BODY_RETENTION_DAYS; unsent ones keep them."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from notifications.models import EmailStatus, OutboundEmail
from notifications.services import CLEARED_BODY, clear_old_bodies

pytestmark = pytest.mark.django_db


def email(status: str, age_days: int, **fields) -> OutboundEmail:
    when = timezone.now() - datetime.timedelta(days=age_days)
    row = OutboundEmail.objects.create(
        to="attendee@borough.example",
        subject="Your booking",
        body="Cancel with https://exchange.example/events/booking/one-time-token/",
        html_body="<a href='https://exchange.example/events/booking/one-time-token/'>Cancel</a>",
        attachments=[{"filename": "event.ics", "content": "BEGIN:VCALENDAR", "mimetype": "text/calendar"}],
        status=status,
        sent_at=when if status == EmailStatus.SENT else None,
        **fields,
    )
    OutboundEmail.objects.filter(pk=row.pk).update(created_at=when)
    return row


def test_old_sent_and_given_up_emails_are_cleared_others_kept(settings):
    settings.EMAIL_BODY_RETENTION_DAYS = 14
    old_sent = email(EmailStatus.SENT, 15)
    old_given_up = email(EmailStatus.GAVE_UP, 20)
    recent_sent = email(EmailStatus.SENT, 13)
    old_unsent = email(EmailStatus.FAILED, 30)
    old_queued = email(EmailStatus.QUEUED, 30)

    assert clear_old_bodies() == 2
    for row in (old_sent, old_given_up):
        row.refresh_from_db()
        assert (row.body, row.html_body, row.attachments) == (CLEARED_BODY, "", [])
        assert (row.to, row.subject) == ("attendee@borough.example", "Your booking")
    for row in (recent_sent, old_unsent, old_queued):
        row.refresh_from_db()
        assert "one-time-token" in row.body and row.attachments
    # Running again changes nothing.
    assert clear_old_bodies() == 0


def test_the_retention_comes_from_settings(settings):
    settings.EMAIL_BODY_RETENTION_DAYS = 2
    row = email(EmailStatus.SENT, 3)
    call_command("clear_email_bodies")
    row.refresh_from_db()
    assert row.body == CLEARED_BODY
