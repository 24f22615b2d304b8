from django.apps import AppConfig


class AuditsConfig(AppConfig):
    """Cross-borough case audits: tools, rounds, case returns with nothing identifying, pooled findings."""

    name = "audits"
    verbose_name = "Case audits"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from audits import signals  # noqa: F401 - every new publisher gets its audit groups
