"""core.admin_permissions: menu entries shown only to those holding their permission."""

import pytest
from django.test import RequestFactory
from wagtail import hooks

from core.admin_permissions import PermissionMenuItem
from tests.resources.admin_helpers import coordinator, lead_of

pytestmark = pytest.mark.django_db

# The network-wide screens the apps register, by hook.
NETWORK_SCREENS = {
    "register_admin_menu_item": {"Tags"},
    "register_reports_menu_item": {
        "Review dates",
        "Most adopted resources",
        "Likely duplicate tags",
        "Search insights",
    },
}


def _labels(hook_name: str, user) -> set[str]:
    request = RequestFactory().get("/admin/")
    request.user = user
    items = [fn() for fn in hooks.get_hooks(hook_name)]
    return {item.label for item in items if isinstance(item, PermissionMenuItem) and item.is_shown(request)}


@pytest.mark.parametrize("hook_name", sorted(NETWORK_SCREENS))
def test_coordinators_see_the_network_screens_and_leads_do_not(hook_name):
    screens = NETWORK_SCREENS[hook_name]
    assert screens <= _labels(hook_name, coordinator())
    assert not screens & _labels(hook_name, lead_of("Camden"))
