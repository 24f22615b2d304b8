from django.db import migrations

# The words and abbreviations practitioners use for the same things (see DOMAIN.md).
GROUPS = (
    "s47, section 47, section 47 enquiry, s.47 enquiry, s47 enquiry",
    "icpc, initial child protection conference, initial conference",
    "rcpc, review child protection conference, review conference",
    "cp, child protection",
    "cin, child in need",
    "sos, signs of safety",
    "lscb, lscp, safeguarding partnership, local safeguarding children partnership, local safeguarding children board",
    "mash, multi-agency safeguarding hub, multi agency safeguarding hub",
    "da, dv, domestic abuse, domestic violence",
    "cse, child sexual exploitation",
    "sw, social worker",
    "lado, local authority designated officer",
    "dsl, designated safeguarding lead",
    "icb, integrated care board",
    "eh, early help",
    "cp plan, child protection plan",
    "scr, serious case review",
    "cspr, child safeguarding practice review, safeguarding practice review",
)


def seed(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    for terms in GROUPS:
        SynonymGroup.objects.get_or_create(terms=terms)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
