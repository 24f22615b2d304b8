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
            return {**super().get_context_data(parent_context), **guard_panel_context(self.instance)}


def guard_panel_context(page: Any) -> dict[str, Any]:
    """What the personal-data check panel shows for ``page`` as it stands (a draft revision's object)."""
    findings = scan_page(page)
    # A page never saved has nothing "as last saved" to report on.
    return {"findings": findings, "blocking": has_blocking(findings), "saved": bool(page.pk)}


class SubmissionNotePanel(Panel):
    """For editors who may not publish: one line on who reviews a submission and what happens next."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "resources/admin/submission_note.html"

        def is_shown(self) -> bool:
            user = self.request.user
            return not (user.is_superuser or is_coordinator(user))

        def get_context_data(self, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
            return {**super().get_context_data(parent_context), "workflow_name": WORKFLOW_NAME}
