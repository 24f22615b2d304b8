"""Replace Wagtail's placeholder page with the exchange's home page and point the site at it."""

import uuid

from django.db import migrations
from django.utils import timezone


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("home.HomePage")

    page_type = ContentType.objects.get(model="page", app_label="wagtailcore")
    Page.objects.filter(content_type=page_type, slug="home", depth=2).delete()
    home_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    now = timezone.now()
    homepage = HomePage.objects.create(
        title="London Practice Exchange",
        draft_title="London Practice Exchange",
        slug="home",
        content_type=home_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        live=True,
        first_published_at=now,
        last_published_at=now,
        locale=Locale.objects.order_by("pk").first(),
        translation_key=uuid.uuid4(),
        intro=(
            "Child-protection practice shared by London's boroughs: Signs of Safety tools, "
            "guidance, templates, audit tools and learning from reviews."
        ),
    )
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=homepage, is_default_site=True,
                        site_name="London Practice Exchange")


def remove_homepage(apps, schema_editor):
    HomePage = apps.get_model("home.HomePage")
    HomePage.objects.filter(slug="home", depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0002_initial")]
    operations = [migrations.RunPython(create_homepage, remove_homepage)]
