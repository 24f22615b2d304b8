from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self) -> None:
        from search import spelling  # noqa: F401 - connects the vocabulary's cache invalidation
