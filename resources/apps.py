from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = "Practice resources"

    def ready(self) -> None:
        from . import signals  # noqa: F401

        self._register_page_policy()
        self._register_page_chooser()

    @staticmethod
    def _register_page_policy() -> None:
        """The admin lists pages through this policy (see resources.admin_visibility): registered for
        Page after wagtail.permissions has registered Wagtail's own, so this one is found first."""
        from wagtail.models import Page
        from wagtail.permissions import register_permission_policy

        from .admin_visibility import VisiblePagesPolicy

        register_permission_policy(Page, VisiblePagesPolicy(Page))

    @staticmethod
    def _register_page_chooser() -> None:
        """Every page foreign key is edited with a chooser that hides pages the editor may not see
        (resources.page_links); registered for Page, so it is found before Wagtail's (AbstractPage)."""
        from django.db import models
        from wagtail.admin.forms.models import register_form_field_override
        from wagtail.models import Page

        from .page_links import visible_page_chooser_override

        register_form_field_override(models.ForeignKey, to=Page, override=visible_page_chooser_override)
