from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = "Practice resources"

    def ready(self) -> None:
        from . import signals  # noqa: F401

        self._register_page_policy()

    @staticmethod
    def _register_page_policy() -> None:
        """The admin lists pages through this policy (see resources.admin_visibility): registered for
        Page after wagtail.permissions has registered Wagtail's own, so this one is found first."""
        from wagtail.models import Page
        from wagtail.permissions import register_permission_policy

        from .admin_visibility import VisiblePagesPolicy

        register_permission_policy(Page, VisiblePagesPolicy(Page))

