"""Leads draft events for their own publisher; coordinators see the outbox (events.services.event_permissions)."""

from django.db import migrations

from events.services.event_permissions import grant_coordinator_outbox, grant_event_drafting
from core.migration_helpers import create_permissions_now


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; the grants below need them now.
    create_permissions_now(apps)
    grant_event_drafting(apps)
    grant_coordinator_outbox(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_create_event_index"),
        ("resources", "0005_create_roles"),
        ("notifications", "0001_initial"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
