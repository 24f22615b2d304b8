"""Choices for events and bookings. Values are stored and appear in URLs: never rename one."""

from django.db import models


class EventFormat(models.TextChoices):
    IN_PERSON = "in-person", "In person"
    ONLINE = "online", "Online"
    HYBRID = "hybrid", "Hybrid (in person and online)"


class BookingStatus(models.TextChoices):
    CONFIRMED = "confirmed", "Place confirmed"
    WAITLISTED = "waitlisted", "On the waiting list"
    CANCELLED = "cancelled", "Cancelled"
