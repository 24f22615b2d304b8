"""Create the network's roles: a leads group and collection per publisher, Coordinators (with the
"Cross-borough review" workflow on the whole site) and Network members.

The same functions run on the live site when a publisher is added or made trusted.
"""

from django.db import migrations

from core.migration_helpers import create_permissions_now
from resources.services.role_groups import sync_network_roles, sync_publisher_access


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; the grants below need them now.
    create_permissions_now(apps)
    sync_network_roles(apps)
    sync_publisher_access(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0004_access_and_guarded_approval"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("search", "0004_pendingindexupdate"),
        ("home", "0003_create_homepage"),
    ]
    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
