from django.db import migrations

from resources.enums import AUDIENCES, CP_STAGES, SOS_ELEMENTS


def seed(apps, schema_editor):
    for model_name, terms in (("CPStage", CP_STAGES), ("SoSElement", SOS_ELEMENTS), ("Audience", AUDIENCES)):
        model = apps.get_model("resources", model_name)
        for order, (slug, name, description) in enumerate(terms):
            model.objects.update_or_create(
                slug=slug, defaults={"name": name, "description": description, "sort_order": order}
            )


class Migration(migrations.Migration):
    dependencies = [("resources", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
