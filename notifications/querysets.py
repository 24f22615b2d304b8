"""Listing logic for the outbox."""

from __future__ import annotations

import datetime

from django.db import models
from django.utils import timezone


class OutboundEmailQuerySet(models.QuerySet):
    def due_for_retry(self, now: datetime.datetime | None = None) -> OutboundEmailQuerySet:
        """Failed emails whose back-off has passed, oldest first."""
        from notifications.models import EmailStatus

        now = now or timezone.now()
        return self.filter(status=EmailStatus.FAILED, next_attempt_at__lte=now).order_by("next_attempt_at", "pk")

    def unsent(self) -> OutboundEmailQuerySet:
        """Everything not yet delivered, including emails the outbox gave up on."""
        from notifications.models import EmailStatus

        return self.exclude(status=EmailStatus.SENT)
