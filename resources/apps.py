from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = "Practice resources"

    def ready(self) -> None:
        from . import signals  # noqa: F401
