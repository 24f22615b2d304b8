"""A tool as a printable resource: a draft Audit tool resource, one table per section, for paper audits."""

import pytest
from django.urls import reverse

from audits.services.printable import make_printable
from resources.models import BoroughPage, ResourcePage

pytestmark = pytest.mark.django_db


def test_the_draft_has_a_table_per_section_and_every_question(tool):
    publisher = BoroughPage.objects.get(slug="london-councils")
    page = make_printable(tool, publisher)
    assert not page.live and page.resource_type == "audit-tool" and page.get_parent().specific == publisher
    tables = [block.value for block in page.get_latest_revision_as_object().body if block.block_type == "table"]
    assert [t["table_caption"] for t in tables] == [
        "S47 decision making: Strategy discussion",
        "S47 decision making: Decision",
    ]
    rows = [row for table in tables for row in table["data"][1:]]
    assert [row[0] for row in rows] == [f"s47-0{n}" for n in range(1, 7)]
    assert rows[0][2] == "Tick one: Good / Adequate / Requires improvement / Inadequate"
    assert rows[3][2].startswith("Tick any: Police / Health")
    assert make_printable(tool, publisher).pk == page.pk  # again: a new revision, not a second page
    assert ResourcePage.objects.filter(source_id="audit-tool-s47-decisions").count() == 1


def test_only_coordinators_make_one_and_land_in_the_editor(client, tool, people):
    publisher = BoroughPage.objects.get(slug="london-councils")
    url = reverse("audits_admin:printable", args=[tool.pk])
    client.force_login(people["camden_lead"])
    client.post(url, {"publisher": publisher.pk})
    assert not ResourcePage.objects.filter(source_id="audit-tool-s47-decisions").exists()
    client.force_login(people["coordinator"])
    response = client.post(url, {"publisher": publisher.pk})
    page = ResourcePage.objects.get(source_id="audit-tool-s47-decisions")
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert "Make a printable resource" in client.get(reverse("audits_admin:home")).content.decode()


def test_published_it_prints_like_any_printed_resource(client, tool):
    page = make_printable(tool, BoroughPage.objects.get(slug="london-councils"))
    page.get_latest_revision().publish()
    html = client.get(ResourcePage.objects.get(pk=page.pk).url).content.decode()
    assert "Strategy discussion" in html and "s47-06" in html and "Print" in html
