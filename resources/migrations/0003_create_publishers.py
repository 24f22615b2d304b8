"""Create /boroughs/ with a page per publisher, and /resources/, under the home page.

Historical models have no treebeard methods, so tree paths come from
core.migration_helpers.next_child_path (treebeard's own arithmetic).
"""

import uuid

from django.db import migrations
from django.utils import timezone

from core.migration_helpers import next_child_path
from resources.publishers import PUBLISHERS


def _add_child(apps, parent, app_label, model_name, **fields):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    model = apps.get_model(app_label, model_name)
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name.lower())
    now = timezone.now()
    child = model.objects.create(
        content_type=content_type,
        path=next_child_path(Page.objects, parent),
        depth=parent.depth + 1,
        numchild=0,
        url_path=f"{parent.url_path}{fields['slug']}/",
        draft_title=fields["title"],
        live=True,
        first_published_at=now,
        last_published_at=now,
        locale_id=parent.locale_id,
        translation_key=uuid.uuid4(),
        **fields,
    )
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + 1)
    parent.numchild += 1
    return child


def create_publishers(apps, schema_editor):
    Page = apps.get_model("wagtailcore.Page")
    home = Page.objects.get(depth=2, slug="home")
    boroughs = _add_child(
        apps, home, "resources", "BoroughIndexPage", title="Boroughs and publishers", slug="boroughs",
        intro="Every London local authority and pan-London body that shares practice on the exchange.",
    )
    _add_child(apps, home, "resources", "ResourceIndexPage", title="All resources", slug="resources")
    for gss_code, name, slug, kind, intro in PUBLISHERS:
        _add_child(
            apps, boroughs, "resources", "BoroughPage",
            title=name, slug=slug, gss_code=gss_code, kind=kind, intro=intro,
        )


def remove_publishers(apps, schema_editor):
    Page = apps.get_model("wagtailcore.Page")
    home = Page.objects.get(depth=2, slug="home")
    Page.objects.filter(path__startswith=home.path, depth__gt=home.depth).delete()
    Page.objects.filter(pk=home.pk).update(numchild=0)


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0002_seed_vocabularies"),
        ("home", "0003_create_homepage"),
    ]
    operations = [migrations.RunPython(create_publishers, remove_publishers)]
