"""Whoever may only submit sees "Submit to …" as the main button, with one line on what happens next."""

import re

import pytest
from django.urls import reverse

from tests.factories import ResourcePageFactory
from tests.resources.admin_helpers import coordinator, lead_of

pytestmark = pytest.mark.django_db


def main_button(html: str) -> str:
    """The footer's primary action: the first button of the action menu."""
    match = re.search(r"<footer[^>]*>.*?<button[^>]*>(.*?)</button>", html, re.S)
    return re.sub(r"<[^>]+>|\s+", " ", match.group(1)).strip() if match else ""


def test_a_lead_edits_with_submit_as_the_main_button_and_is_told_what_happens(client, camden):
    page = ResourcePageFactory(parent=camden)
    client.force_login(lead_of("Camden"))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Submit to Cross-borough review" in main_button(html)
    assert "A coordinator at London Councils or the regional adviser" in html
    add = client.get(reverse("wagtailadmin_pages:add", args=["resources", "resourcepage", camden.pk]))
    assert "Submit to Cross-borough review" in main_button(add.content.decode())


def test_a_coordinator_keeps_publish_and_sees_no_note(client, camden):
    page = ResourcePageFactory(parent=camden)
    client.force_login(coordinator())
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert main_button(html) == "Save draft"
    assert "A coordinator at London Councils or the regional adviser" not in html
