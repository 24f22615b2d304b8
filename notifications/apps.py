from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    """The outbox: every email the exchange sends is a row here, sent by a background task."""

    name = "notifications"
    verbose_name = "Notifications"
