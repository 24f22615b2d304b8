"""Stored and reflected XSS: a hostile string in every public text field comes back escaped, everywhere it shows.

Stored: resource title, summary, contact, every body block, tags, document titles and file names,
and a booking's name and organisation (its private page and the coordinators' list). Reflected:
the search query (page, JSON, typeahead, tag page) and a booking form sent back with an error.
"""

from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from taggit.models import Tag
from wagtail.documents import get_document_model

from events.models import Booking
from events.services.tokens import booking_url
from resources.services.body_text import text_to_blocks
from tests.events.conftest import form_data
from tests.factories import EventPageFactory, ResourcePageFactory
from tests.resources.admin_helpers import coordinator
from tests.security.payloads import XSS, live_markup

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def hostile_resource(camden, django_capture_on_commit_callbacks):
    document = get_document_model().objects.create(title=f"Template {XSS}")
    # An uploaded file's name never holds a "/" (Django keeps the base name), so no </script> here.
    document.file.save("\"'><img src=x onerror=alert(1)>.txt", ContentFile(b"A synthetic template."))
    body = [
        {"type": "heading", "value": f"Heading {XSS}"},
        *text_to_blocks(f"Paragraph {XSS}"),  # how the importer turns text into rich text
        {"type": "how_to", "value": {"intro": f"Intro {XSS}", "steps": [f"Step {XSS}"]}},
        {"type": "practice_example", "value": {"quote": f"Quote {XSS}", "attribution": f"By {XSS}"}},
        {"type": "document", "value": {"document": document.pk, "description": f"About {XSS}"}},
        {
            "type": "table",
            "value": {
                "data": [[f"Head {XSS}", "b"], [f"Cell {XSS}", "d"]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": f"Caption {XSS}",
            },
        },
    ]
    with django_capture_on_commit_callbacks(execute=True):
        page = ResourcePageFactory(
            parent=camden,
            title=f"Strategy xsstest {XSS}",
            summary=f"Summary xsstest {XSS}",
            contact_name=f"Contact {XSS}",
            body=body,
            tags=[f"xsstag {XSS}"],
        )
        page.attachments.create(document=document)
        page.save_revision().publish()
    return page


def assert_escaped(response, where: str) -> None:
    assert response.status_code == 200, where
    html = response.content.decode()
    assert live_markup(html) == [], where
    return html


def test_stored_in_resource_fields_blocks_tags_and_documents(client, hostile_resource, camden):
    tag = Tag.objects.get(name__startswith="xsstag")
    pages = {
        "resource page": hostile_resource.url,
        "borough page": camden.url,
        "resources listing": "/resources/",
        "home": "/",
        "search results": "/search/?q=xsstest",
        "tag page": f"/tags/{tag.slug}/",
        "search filtered by tag": f"/search/?tag={tag.slug}",
    }
    for where, url in pages.items():
        html = assert_escaped(client.get(url), where)
        if where != "home":
            assert "&lt;script&gt;alert(" in html or "&lt;script&gt;alert(&#x27;" in html, where
    resource_html = client.get(hostile_resource.url).content.decode()
    for field in ("Heading", "Paragraph", "Intro", "Step", "Quote", "By", "About", "Cell", "Caption", "Template"):
        assert f"{field} &quot;&#x27;&gt;&lt;script&gt;" in resource_html, field


def test_stored_in_json_and_typeahead_is_data_not_markup(client, hostile_resource):
    for url in ("/search/?q=xsstest&format=json", "/search/suggest/?q=xsst"):
        response = client.get(url)
        assert response["Content-Type"] == "application/json", url
        assert response["X-Content-Type-Options"] == "nosniff", url  # never sniffed as HTML
        assert response.json(), url
    # The typeahead puts suggestions into the page as text, never as markup.
    script = (ROOT / "static" / "js" / "typeahead.js").read_text()
    assert "textContent" in script
    assert not any(sink in script for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"))


@pytest.mark.parametrize("where", ["/search/", "/search/?format=json", "/search/suggest/", "/resources/"])
def test_reflected_search_query(client, where):
    response = client.get(where, {"q": XSS})
    assert response.status_code == 200
    if response["Content-Type"].startswith("application/json"):
        assert response["X-Content-Type-Options"] == "nosniff"
    else:
        assert live_markup(response.content.decode()) == []


def test_reflected_query_on_a_tag_page(client, hostile_resource):
    tag = Tag.objects.get(name__startswith="xsstag")
    assert_escaped(client.get(f"/tags/{tag.slug}/", {"q": XSS}), "tag page query")


def test_highlighting_cannot_split_an_escaped_character(client, camden, django_capture_on_commit_callbacks):
    """Searching for "lt" or "amp" marks words, never the inside of &lt; or &amp;."""
    with django_capture_on_commit_callbacks(execute=True):
        ResourcePageFactory(parent=camden, title="Ampersand guide", summary="Tom & Jerry <b> lt ampersand")
    html = client.get("/search/", {"q": "lt amp"}).content.decode()
    assert "&<mark>" not in html
    assert "Tom &amp; Jerry &lt;b&gt; <mark>lt</mark> <mark>ampersand</mark>" in html


def test_stored_in_a_booking(client, django_capture_on_commit_callbacks):
    event = EventPageFactory(capacity=5)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(event.url + "book/", form_data(name=f"Name {XSS}", organisation=f"Org {XSS}"))
    assert response.status_code == 302
    booking = Booking.objects.get()
    assert booking.name == f"Name {XSS}"  # stored as typed, escaped when shown
    assert_escaped(client.get(booking_url(booking)), "booking page")
    client.force_login(coordinator("synthetic-coordinator"))
    html = assert_escaped(client.get(reverse("events_admin:bookings", args=[event.pk])), "coordinators' list")
    assert "Name &quot;&#x27;&gt;&lt;script&gt;" in html


def test_reflected_in_a_booking_form_with_an_error(client):
    event = EventPageFactory(capacity=5)
    response = client.post(event.url + "book/", form_data(name=XSS, organisation=XSS, email="not-an-email"))
    assert response.status_code == 400
    html = response.content.decode()
    assert live_markup(html) == []
    assert "&quot;&#x27;&gt;&lt;script&gt;" in html
