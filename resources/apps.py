from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = "Practice resources"

    def ready(self) -> None:
        from django.db import models
        from wagtail.admin.forms.models import register_form_field_override
        from wagtail.models import Page
        from wagtail.permissions import register_permission_policy

        from . import signals  # noqa: F401
        from .admin_visibility import VisiblePagesPolicy
        from .page_links import visible_page_chooser_override

        # The admin lists pages through this policy (see resources.admin_visibility): registered for
        # Page after wagtail.permissions has registered Wagtail's own, so this one is found first.
        register_permission_policy(Page, VisiblePagesPolicy(Page))
        # Every page foreign key is edited with a chooser that hides pages the editor may not see
        # (resources.page_links); registered for Page, so it is found before Wagtail's (AbstractPage).
        register_form_field_override(models.ForeignKey, to=Page, override=visible_page_chooser_override)
