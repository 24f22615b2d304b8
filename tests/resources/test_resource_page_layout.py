"""The resource page for phones and paper: downloads first, a Print button on tools and templates,
related resources left off paper, and the printed address is the one the page was read at."""

import pytest
from django.test import override_settings

from resources.enums import PRINTED_TYPES, ResourceType
from resources.models import RelatedResource, ResourceAttachment
from tests.factories import DocumentFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("resource_type", list(ResourceType))
def test_tools_and_templates_offer_printing(resource_type):
    resource = ResourcePageFactory.build(resource_type=resource_type)
    assert resource.offers_printing == (resource_type in PRINTED_TYPES)
    assert ResourceType.SOS_TOOL in PRINTED_TYPES and ResourceType.TEMPLATE in PRINTED_TYPES
    assert ResourceType.PRACTICE_GUIDANCE not in PRINTED_TYPES


def test_print_button_only_on_tools_hidden_until_its_script_runs(client):
    tool = ResourcePageFactory(resource_type=ResourceType.SOS_TOOL, title="Safety house")
    ResourceAttachment.objects.create(page=tool, document=DocumentFactory(title="Safety house worksheet"))
    guidance = ResourcePageFactory(resource_type=ResourceType.PRACTICE_GUIDANCE)
    html = client.get(tool.url).content.decode()
    assert '<button type="button" class="govuk-button govuk-button--secondary app-print-button"' in html
    assert "hidden>Print this page</button>" in html
    assert html.index('id="downloads"') < html.index("app-print-button") < html.index("At a glance")
    assert "js/print.mjs" in html
    assert "app-print-button" not in client.get(guidance.url).content.decode()


def test_downloads_come_before_the_body_and_the_details(client):
    document = DocumentFactory(title="Safety house worksheet")
    resource = ResourcePageFactory(
        body=[{"type": "paragraph", "value": "<p>Long guidance text.</p>"}],
    )
    ResourceAttachment.objects.create(page=resource, document=document)
    html = client.get(resource.url).content.decode()
    downloads = html.index('id="downloads-heading"')
    assert downloads < html.index("At a glance") < html.index("Long guidance text.")
    assert html.index("Safety house worksheet") > downloads
    assert "(PDF," in html[downloads:]


def test_related_resources_are_left_off_paper(client, camden):
    resource = ResourcePageFactory()
    related = ResourcePageFactory(title="Thresholds for strategy discussions", parent=camden)
    RelatedResource.objects.create(page=resource, resource=related)
    html = client.get(resource.url).content.decode()
    assert '<section class="app-no-print" aria-labelledby="related-heading">' in html


@override_settings(ALLOWED_HOSTS=["exchange.example"])
def test_printed_footer_names_the_address_the_page_was_read_at(client):
    resource = ResourcePageFactory(title="Core group agenda")
    html = client.get(resource.url, HTTP_HOST="exchange.example").content.decode()
    assert f"Printed from http://exchange.example{resource.url}</p>" in html
    assert "Printed from http://localhost" not in html
