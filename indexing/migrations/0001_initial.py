# The model moved here from the search app; its table (search_pendingindexupdate) stays where it
# is, so this migration changes Django's record of the model only, never the database.

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("search", "0004_pendingindexupdate"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="PendingIndexUpdate",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("model_label", models.CharField(max_length=100)),
                        ("object_id", models.CharField(max_length=64)),
                        ("backend", models.CharField(max_length=50)),
                        ("attempts", models.PositiveIntegerField(default=1)),
                        ("last_error", models.CharField(blank=True, max_length=255)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("updated_at", models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                    ],
                    options={
                        "db_table": "search_pendingindexupdate",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("model_label", "object_id", "backend"), name="unique_pending_index_update"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
