"""What data migrations need that historical models lack: treebeard's tree paths, and
permissions that Django would otherwise only create after the last migration.

Shared by every migration that adds pages or collections or grants permissions, and by
resources.services.role_groups, so the path arithmetic lives in one place: treebeard's own.
"""

from typing import Any

from django.contrib.auth.management import create_permissions
from treebeard.mp_tree import MP_Node


def next_child_path(nodes: Any, parent: Any) -> str:
    """The path treebeard would give a new last child of ``parent``.

    ``nodes`` is the (historical or real) manager of the tree ``parent`` belongs to, e.g.
    ``apps.get_model("wagtailcore", "Page").objects``. Pages and collections use treebeard's
    default alphabet and step length, which MP_Node's class methods compute with.
    """
    last = nodes.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-path").first()
    position = MP_Node._str2int(last.path[-MP_Node.steplen :]) + 1 if last else 1
    return MP_Node._get_path(parent.path, parent.depth + 1, position)


def create_permissions_now(apps: Any) -> None:
    """Create every app's permissions, which Django normally does only after all migrations."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
