"""Create /events/ under the home page.

Historical models have no treebeard methods, so the tree path is written the way
treebeard would (4 base-36 characters a level), as resources/0003 does.
"""

import uuid

from django.db import migrations
from django.utils import timezone

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _step(n: int) -> str:
    out = ""
    while n:
        n, rem = divmod(n, 36)
        out = ALPHABET[rem] + out
    return out.rjust(4, "0")


def create_event_index(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    EventIndexPage = apps.get_model("events", "EventIndexPage")
    home = Page.objects.filter(depth=2, slug="home").first()
    if home is None or EventIndexPage.objects.exists():
        return
    content_type, _ = ContentType.objects.get_or_create(app_label="events", model="eventindexpage")
    last = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).order_by("-path").first()
    position = int(last.path[-4:], 36) + 1 if last else 1
    now = timezone.now()
    EventIndexPage.objects.create(
        content_type=content_type,
        path=home.path + _step(position),
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
