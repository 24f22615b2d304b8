"""Admin screens and menu items that only some roles reach (each app registers its own)."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from wagtail.admin.menu import MenuItem


class PermissionRequiredMixin:
    """Wagtail's admin wrapper turns PermissionDenied into its usual 'no permission' redirect."""

    permission: str

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PermissionMenuItem(MenuItem):
    """A menu item shown only to users holding `permission` (superusers hold every permission)."""

    def __init__(self, *args: Any, permission: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm(self.permission)
