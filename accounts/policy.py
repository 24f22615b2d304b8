"""Who must use a second factor: everyone who can reach the admin, bar one local exception."""

from typing import Any

from django.conf import settings

# The account `make run` creates (demo.management.commands.create_demo_admin).
DEMO_USERNAME = "demo-admin"


def has_admin_access(user: Any) -> bool:
    return bool(
        user.is_authenticated and (user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin"))
    )


def may_skip_two_factor(user: Any) -> bool:
    """Only the local demo administrator, and only while DEBUG is on (never in production)."""
    return bool(settings.DEBUG and user.is_authenticated and user.get_username() == DEMO_USERNAME)
