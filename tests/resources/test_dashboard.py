"""A lead's dashboard starts with "Add a resource for <their publisher>", leading to the add form."""

import re

import pytest
from django.urls import reverse

from resources.models import BoroughPage
from tests.resources.admin_helpers import coordinator, lead_of

pytestmark = pytest.mark.django_db


def test_a_lead_gets_one_button_for_their_own_publisher_only(client, camden, hackney):
    client.force_login(lead_of("Camden"))
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    add_url = reverse("wagtailadmin_pages:add", args=["resources", "resourcepage", camden.pk])
    assert re.search(rf'href="{re.escape(add_url)}"[^>]*>.*?Add a resource for Camden', page, re.S)
    assert "Add a resource for Hackney" not in page
    # The button leads to a form the lead may use.
    assert client.get(add_url).status_code == 200


def test_coordinators_and_readers_get_no_add_button(client, camden):
    client.force_login(coordinator())
    assert "Add a resource for" not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert BoroughPage.objects.filter(pk=camden.pk).exists()
