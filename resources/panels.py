"""Editor panels for resources."""

from typing import Any

from wagtail.admin.panels import Panel

from resources.services.page_guard import has_blocking, scan_page


class GuardFindingsPanel(Panel):
    """Lists what the personal-data guard found in the content being edited, masked."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "resources/admin/guard_panel.html"

        def get_context_data(self, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
            context = super().get_context_data(parent_context)
            findings = scan_page(self.instance)
            context["findings"] = findings
            context["blocking"] = has_blocking(findings)
            return context
