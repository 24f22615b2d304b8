"""Leads draft events for their own publisher; coordinators see the outbox (events.services.access)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from events.services.access import grant_coordinator_outbox, grant_event_drafting


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; the grants below need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    grant_event_drafting(apps)
    grant_coordinator_outbox(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_create_event_index"),
        ("resources", "0005_create_roles"),
        ("notifications", "0001_initial"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
