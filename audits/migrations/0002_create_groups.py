"""Audit coordinators, and each borough's audit leads and auditors (the running site does the same
for a publisher added later: audits.signals)."""

from django.db import migrations

from audits.services.groups import sync_audit_groups
from core.migration_helpers import create_permissions_now


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; the grants below need them now.
    create_permissions_now(apps)
    sync_audit_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("audits", "0001_initial"),
        ("resources", "0005_create_roles"),
        ("wagtailadmin", "0006_formstate"),
    ]
    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
