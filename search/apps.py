from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self) -> None:
        # Runs after wagtail.search's ready() (this app is listed after it), so Wagtail's
        # per-save index handler exists to be replaced by ours, which retries failures.
        from search import spelling  # noqa: F401 - connects the vocabulary's cache invalidation
        from search.indexing import install_handlers

        install_handlers()
