"""OutboundEmail: one row per email, so a failed send is visible and can be retried."""

from django.db import models

from notifications.enums import EmailStatus
from notifications.querysets import OutboundEmailQuerySet


class OutboundEmail(models.Model):
    to = models.EmailField("to", max_length=254)
    subject = models.CharField(max_length=255)
    body = models.TextField("text body")
    html_body = models.TextField("HTML body", blank=True)
    # [{"filename": "event.ics", "content": "BEGIN:VCALENDAR…", "mimetype": "text/calendar"}]
    attachments = models.JSONField(default=list, blank=True)
    category = models.CharField(
        max_length=60, blank=True, db_index=True, help_text="What sent it, e.g. events.confirmation."
    )
    status = models.CharField(max_length=10, choices=EmailStatus.choices, default=EmailStatus.QUEUED, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True, db_index=True)

    objects = OutboundEmailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "outgoing email"

    def __str__(self) -> str:
        return f"{self.subject} → {self.to}"
