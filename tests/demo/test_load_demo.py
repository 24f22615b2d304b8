"""The demo network loads, is believable, and loading it again changes nothing."""

import io

import pytest
from django.core.management import call_command
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.models import Collection, PageViewRestriction, Revision

from home.models import HomePage
from resources.enums import ResourceType
from resources.models import Adoption, BoroughPage, ResourcePage


def counts() -> dict[str, int]:
    return {
        "resources": ResourcePage.objects.count(),
        "revisions": Revision.objects.count(),
        "documents": get_document_model().objects.count(),
        "tags": Tag.objects.count(),
        "collections": Collection.objects.count(),
        "publishers": BoroughPage.objects.count(),
        "featured": HomePage.objects.get().featured.count(),
        "adoptions": Adoption.objects.count(),
        "restrictions": PageViewRestriction.objects.count(),
    }


@pytest.fixture
def loaded(db):
    out = io.StringIO()
    call_command("load_demo", stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.mark.django_db
class TestLoadDemo:
    def test_network_is_big_and_varied_enough(self, loaded):
        live = ResourcePage.objects.live()
        assert live.count() >= 60
        assert live.values("borough").distinct().count() >= 12
        assert set(live.values_list("resource_type", flat=True)) == set(ResourceType.values)
        documents = get_document_model().objects.all()
        extensions = [d.file_extension for d in documents]
        assert len(documents) >= 10
        assert extensions.count("pdf") >= 1
        assert extensions.count("docx") >= 1
        assert Tag.objects.count() >= 20
        assert HomePage.objects.get().featured.exists()
        assert Adoption.objects.values("resource").distinct().count() >= 4
        assert ResourcePage.objects.live().count() - ResourcePage.objects.live().visible_to(None).count() == 1

    def test_loading_twice_changes_nothing(self, loaded):
        before = counts()
        out = io.StringIO()
        call_command("load_demo", stdout=out, stderr=io.StringIO())
        assert counts() == before
        assert "0 resources created, 0 updated" in out.getvalue()

    def test_pages_render(self, loaded, client):
        resource = ResourcePage.objects.live().filter(attachments__isnull=False).first()
        assert client.get(resource.url).status_code == 200
        assert client.get("/").status_code == 200
        assert client.get(resource.borough.url).status_code == 200

    def test_attachments_hold_real_text(self, loaded):
        from docx import Document as DocxDocument
        from pypdf import PdfReader

        for document in get_document_model().objects.all():
            with document.file.open("rb") as handle:
                if document.file_extension == "pdf":
                    text = " ".join(page.extract_text() for page in PdfReader(handle).pages)
                else:
                    text = " ".join(p.text for p in DocxDocument(handle).paragraphs)
            assert len(text.split()) >= 40, document.title

    def test_publishers_have_role_mailboxes_on_reserved_domains(self, loaded):
        for borough in BoroughPage.objects.all():
            assert borough.contact_email.endswith(".example")
