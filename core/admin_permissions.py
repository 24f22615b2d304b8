"""Admin screens and menu items that only some roles reach (each app registers its own)."""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from wagtail import hooks
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


@dataclass(frozen=True)
class MenuEntry:
    """An admin menu item for holders of ``permission``: its label, URL name, name, icon and order."""

    label: str
    url_name: str
    name: str
    icon_name: str
    order: int
    permission: str

    def item(self) -> PermissionMenuItem:
        return PermissionMenuItem(
            self.label,
            reverse(self.url_name),
            name=self.name,
            icon_name=self.icon_name,
            order=self.order,
            permission=self.permission,
        )


def register_menu_entries(hook_name: str, *entries: MenuEntry) -> None:
    """Register each entry's item with Wagtail's ``hook_name`` (e.g. "register_reports_menu_item")."""
    for entry in entries:
        hooks.register(hook_name, entry.item)
