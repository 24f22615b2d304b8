"""Create the service's own pages under the home page (editable in the admin afterwards).

Historical models have no treebeard methods, so tree paths come from
core.migration_helpers.next_child_path (treebeard's own arithmetic).
"""

import datetime
import uuid

from django.db import migrations
from django.utils import timezone

from core.migration_helpers import next_child_path
from home.service_pages import SERVICE_PAGES


def create_service_pages(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    ServicePage = apps.get_model("home", "ServicePage")
    home = Page.objects.get(depth=2, slug="home")
    content_type, _ = ContentType.objects.get_or_create(app_label="home", model="servicepage")
    now = timezone.now()
    for slug, title, intro, body in SERVICE_PAGES:
        if Page.objects.filter(path__startswith=home.path, depth=home.depth + 1, slug=slug).exists():
            continue
        ServicePage.objects.create(
            content_type=content_type,
            path=next_child_path(Page.objects, home),
            depth=home.depth + 1,
            numchild=0,
            url_path=f"{home.url_path}{slug}/",
            title=title,
            draft_title=title,
            slug=slug,
            live=True,
            first_published_at=now,
            last_published_at=now,
            locale_id=home.locale_id,
            translation_key=uuid.uuid4(),
            intro=intro,
            body=body.strip(),
            last_updated=datetime.date(2026, 11, 28),
        )
        home.numchild += 1
    Page.objects.filter(pk=home.pk).update(numchild=home.numchild)


def remove_service_pages(apps, schema_editor):
    Page = apps.get_model("wagtailcore.Page")
    ServicePage = apps.get_model("home", "ServicePage")
    home = Page.objects.get(depth=2, slug="home")
    ServicePage.objects.all().delete()
    children = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).count()
    Page.objects.filter(pk=home.pk).update(numchild=children)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_servicepage"),
        ("resources", "0003_create_publishers"),
    ]
    operations = [migrations.RunPython(create_service_pages, remove_service_pages)]
