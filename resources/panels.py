"""Editor panels for resources."""

from typing import Any

from wagtail.admin.panels import Panel

from core.roles import is_coordinator
from resources.services.page_guard import has_blocking, scan_page
from resources.services.role_groups import WORKFLOW_NAME


class GuardFindingsPanel(Panel):
    """Lists what the personal-data guard found in the content being edited, masked."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "resources/admin/guard_panel.html"

        def get_context_data(self, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
            context = super().get_context_data(parent_context)
            findings = scan_page(self.instance)
            context["findings"] = findings
            context["blocking"] = has_blocking(findings)
            # A page never saved has nothing "as last saved" to report on.
            context["saved"] = bool(self.instance.pk)
            return context


class SubmissionNotePanel(Panel):
    """For editors who may not publish: one line on who reviews a submission and what happens next."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "resources/admin/submission_note.html"

        def is_shown(self) -> bool:
            user = self.request.user
            return not (user.is_superuser or is_coordinator(user))

        def get_context_data(self, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
            return {**super().get_context_data(parent_context), "workflow_name": WORKFLOW_NAME}
