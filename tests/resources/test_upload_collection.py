"""A lead's uploads land in their publisher's collection, whichever upload form they use, and a
lead of two publishers is offered those two collections only, never Root."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model

from tests.resources.admin_helpers import lead_of, make_user

pytestmark = pytest.mark.django_db


def test_uploads_from_the_library_and_the_chooser_land_in_the_leads_collection(client, camden):
    client.force_login(lead_of("Camden"))
    client.post(reverse("wagtaildocs:add_multiple"), {"files[]": SimpleUploadedFile("agenda.txt", b"An agenda.")})
    client.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": "Chooser agenda",
            "document-chooser-upload-file": SimpleUploadedFile("agenda2.txt", b"Another agenda."),
        },
    )
    collections = list(get_document_model().objects.values_list("collection__name", flat=True))
    assert collections == ["Camden", "Camden"]


def test_a_lead_of_two_publishers_chooses_between_those_two_only(client, camden, hackney):
    client.force_login(make_user("two-boroughs", "Camden leads", "Hackney leads"))
    html = client.get(reverse("wagtaildocs:add_multiple")).content.decode()
    select = re.search(r'<select[^>]*name="collection"[^>]*>(.*?)</select>', html, re.S).group(1)
    options = re.findall(r"<option[^>]*>\s*(?:&nbsp;|↳|\s)*([^<]+?)\s*</option>", select)
    assert sorted(options) == ["Camden", "Hackney"]
