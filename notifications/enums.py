"""The outbox's states (the querysets and the model both need them)."""

from django.db import models


class EmailStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed, will retry"
    GAVE_UP = "gave-up", "Failed, gave up"
