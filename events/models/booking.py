"""A booking: one person's place (or place in the queue) at one event."""

import uuid

from django.db import models
from django.db.models import Q

from events.enums import BookingStatus
from events.querysets import BookingQuerySet


class Booking(models.Model):
    event = models.ForeignKey("events.EventPage", on_delete=models.CASCADE, related_name="bookings")
    # What the signed link carries: not guessable from the id, and never reused.
    reference = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=100)
    email = models.EmailField("work email", max_length=254)
    organisation = models.CharField("borough or organisation", max_length=150)
    role = models.CharField(max_length=100)
    access_needs = models.TextField("access or dietary needs", max_length=500, blank=True)
    status = models.CharField(max_length=12, choices=BookingStatus.choices, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    promoted_at = models.DateTimeField(null=True, blank=True, help_text="When a place came free for this booking.")
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(null=True, blank=True, help_text="Marked by a coordinator after the event.")

    objects = BookingQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            # The database's own guard behind the service's check: one live booking per address.
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(status=BookingStatus.CANCELLED),
                name="events_one_active_booking_per_email",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"

    @property
    def short_reference(self) -> str:
        """What an attendee quotes on the phone or by email: 8 characters of the reference, grouped.
        Derived, not stored: unique enough to find one booking among an event's few hundred."""
        code = self.reference.hex[:8].upper()
        return f"{code[:4]}-{code[4:]}"

    @property
    def is_active(self) -> bool:
        return self.status != BookingStatus.CANCELLED
