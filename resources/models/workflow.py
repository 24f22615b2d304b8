"""Coordinator approval that will not publish personal data: a name or an address the guard
flagged may be approved with a recorded reason; a clear identifier (an NHS number, a date of
birth, a postcode …) never is: the only action is to request changes."""

from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from wagtail.log_actions import log
from wagtail.models import AbstractGroupApprovalTask

from resources.services.page_guard import has_blocking, must_remove, scan_page, summarise

OVERRIDE_ACTION = "approve-override"
OVERRIDE_LOG_ACTION = "exchange.guard_override"


class GuardOverrideForm(forms.Form):
    override_reason = forms.CharField(
        label="Why is it safe to publish despite the personal-data findings?",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text="Recorded in the audit log with your name. Do not repeat the flagged text here.",
    )
    comment = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False, label="Comment to the lead")


class GuardedApprovalTask(AbstractGroupApprovalTask):
    """A group approval task whose Approve is replaced by "Approve with override reason" while
    the revision under review has high-confidence personal-data findings."""

    def _findings(self, obj: Any) -> list[Any]:
        revision_object = obj.get_latest_revision_as_object() if hasattr(obj, "get_latest_revision_as_object") else obj
        if not hasattr(revision_object, "summary"):
            return []  # not a resource: nothing this guard reads
        return scan_page(revision_object)

    def get_actions(self, obj: Any, user: Any) -> list[tuple[str, str, bool]]:
        actions = super().get_actions(obj, user)
        if not actions:
            return actions
        findings = self._findings(obj)
        if must_remove(findings):
            return [("reject", "Request changes", True)]
        if has_blocking(findings):
            return [
                ("reject", "Request changes", True),
                (OVERRIDE_ACTION, "Approve with override reason", True),
            ]
        return actions

    def get_form_for_action(self, action: str) -> type[forms.Form] | None:
        if action == OVERRIDE_ACTION:
            return GuardOverrideForm
        return super().get_form_for_action(action)

    def on_action(self, task_state: Any, user: Any, action_name: str, **kwargs: Any) -> Any:
        if action_name == OVERRIDE_ACTION:
            reason = kwargs.pop("override_reason", "")
            page = task_state.workflow_state.content_object
            if must_remove(self._findings(page)):
                raise PermissionDenied("A clear identifier is never published: request changes instead.")
            log(
                instance=page,
                action=OVERRIDE_LOG_ACTION,
                user=user,
                data={"reason": reason, "findings": summarise(self._findings(page))},
            )
            action_name = "approve"
        return super().on_action(task_state, user, action_name, **kwargs)

    class Meta:
        verbose_name = "coordinator approval (personal-data guarded)"
        verbose_name_plural = "coordinator approvals (personal-data guarded)"
