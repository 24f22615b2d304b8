from django.apps import AppConfig


class EventsConfig(AppConfig):
    """Shared sessions: event pages, bookings with a waiting list, calendars, reminders."""

    name = "events"
    verbose_name = "Events"

    def ready(self) -> None:
        from events import signals  # noqa: F401 - connects the receivers
