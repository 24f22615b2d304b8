"""Listing logic for the outbox."""

from __future__ import annotations

import datetime

from django.db import models
from django.utils import timezone

from notifications.enums import EmailStatus


class OutboundEmailQuerySet(models.QuerySet):
    def due_for_retry(self, now: datetime.datetime | None = None) -> OutboundEmailQuerySet:
        """Failed emails whose back-off has passed, oldest first."""
        now = now or timezone.now()
        return self.filter(status=EmailStatus.FAILED, next_attempt_at__lte=now).order_by("next_attempt_at", "pk")

    def unsent(self) -> OutboundEmailQuerySet:
        """Everything not yet delivered, including emails the outbox gave up on."""
        return self.exclude(status=EmailStatus.SENT)

    def finished_before(self, cutoff: datetime.datetime) -> OutboundEmailQuerySet:
        """Emails the outbox is done with (sent or given up) whose last event is before cutoff."""
        sent = models.Q(status=EmailStatus.SENT, sent_at__lt=cutoff)
        given_up = models.Q(status=EmailStatus.GAVE_UP, created_at__lt=cutoff)
        return self.filter(sent | given_up)
