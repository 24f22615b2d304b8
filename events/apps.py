from django.apps import AppConfig


class EventsConfig(AppConfig):
    """Shared sessions and bookings; the events issue fills this app in."""

    name = "events"
    verbose_name = "Events"
