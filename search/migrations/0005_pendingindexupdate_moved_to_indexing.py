# PendingIndexUpdate now belongs to the indexing app (indexing/migrations/0001_initial.py), which
# keeps this app's table: the search app forgets the model without dropping anything.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0004_pendingindexupdate"),
        ("indexing", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="PendingIndexUpdate")],
            database_operations=[],
        ),
    ]
