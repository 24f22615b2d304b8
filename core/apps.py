from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app of the exchange shares; it imports no other app of the project (see docs/conventions.md)."""

    name = "core"
    default_auto_field = "django.db.models.BigAutoField"
