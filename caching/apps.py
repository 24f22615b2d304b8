from django.apps import AppConfig


class CachingConfig(AppConfig):
    name = "caching"
    verbose_name = "Page cache"

    def ready(self) -> None:
        from . import checks, signals  # noqa: F401

        signals.connect()
