from django.apps import AppConfig


class IndexingConfig(AppConfig):
    """Keeping the search indexes up to date on every save, with failed updates retried (see updates.py)."""

    name = "indexing"
    verbose_name = "Index updates"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Runs after wagtail.search's ready() (this app is listed after it), so Wagtail's
        # per-save index handler exists to be replaced by ours, which retries failures.
        from indexing.updates import install_handlers

        install_handlers()
