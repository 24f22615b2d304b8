"""Create /events/ under the home page.

Historical models have no treebeard methods, so the tree path comes from
core.migration_helpers.next_child_path (treebeard's own arithmetic).
"""

import uuid

from django.db import migrations
from django.utils import timezone

from core.migration_helpers import next_child_path


def create_event_index(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    EventIndexPage = apps.get_model("events", "EventIndexPage")
    home = Page.objects.filter(depth=2, slug="home").first()
    if home is None or EventIndexPage.objects.exists():
        return
    content_type, _ = ContentType.objects.get_or_create(app_label="events", model="eventindexpage")
    now = timezone.now()
    EventIndexPage.objects.create(
        content_type=content_type,
        path=next_child_path(Page.objects, home),
        depth=home.depth + 1,
        numchild=0,
        title="Events",
        draft_title="Events",
        slug="events",
        url_path=f"{home.url_path}events/",
        intro="Shared sessions for practitioners across London: practice days, learning events and briefings.",
        live=True,
        first_published_at=now,
        last_published_at=now,
        locale_id=home.locale_id,
        translation_key=uuid.uuid4(),
    )
    Page.objects.filter(pk=home.pk).update(numchild=Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).count())


def remove_event_index(apps, schema_editor):
    Page = apps.get_model("wagtailcore.Page")
    EventIndexPage = apps.get_model("events", "EventIndexPage")
    for index in EventIndexPage.objects.all():
        Page.objects.filter(path__startswith=index.path).delete()
    home = Page.objects.filter(depth=2, slug="home").first()
    if home:
        Page.objects.filter(pk=home.pk).update(numchild=Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).count())


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("resources", "0003_create_publishers"),
    ]
    operations = [migrations.RunPython(create_event_index, remove_event_index)]
