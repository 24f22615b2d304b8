"""Documents are downloaded through Django, with permission checks and safe headers."""

from pathlib import Path

import pytest
from django.core.checks import run_checks
from django.core.files.base import ContentFile
from wagtail.models import Collection, CollectionViewRestriction

from resources.models import ResourceAttachment
from tests.factories import DocumentFactory, ResourcePageFactory
from tests.uploads import samples
from uploads.serving import content_disposition, safe_filename


def published_document(content: bytes, name: str, **fields):
    """A document attached to a live resource, as readers meet them (unattached ones may be hidden)."""
    root = Collection.get_first_root_node()
    document = DocumentFactory(title="Notes", file=ContentFile(content, name=name), collection=root, **fields)
    resource = ResourcePageFactory(title=f"Resource using {name}")
    ResourceAttachment.objects.create(page=resource, document=document)
    resource.save_revision().publish()
    return document


@pytest.fixture
def text_document(db):
    return published_document(samples.TEXT, "workshop-notes.txt")


def test_document_url_goes_through_the_serve_view(text_document):
    assert text_document.url.startswith("/documents/")


def test_download_has_nosniff_a_strict_csp_and_a_safe_name(client, text_document):
    response = client.get(text_document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == samples.TEXT
    assert response["X-Content-Type-Options"] == "nosniff"
    csp = response["Content-Security-Policy"]
    assert "default-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "sandbox" in csp
    assert response["Content-Disposition"] == (
        "attachment; filename=\"workshop-notes.txt\"; filename*=UTF-8''workshop-notes.txt"
    )


def test_pdf_is_inline_without_the_sandbox(client, db):
    document = published_document(samples.pdf(), "checklist.pdf")
    response = client.get(document.url)
    assert response["Content-Disposition"].startswith('inline; filename="checklist.pdf"')
    assert "sandbox" not in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]


def test_hostile_stored_name_cannot_break_the_header(client, db, settings):
    """A name stored by other means (a migration, a restore) still yields a header with no injection."""
    document = published_document(samples.TEXT, "plain.txt")
    hostile = 'documents/a";b=c; X-Injected: 1 évaluation.txt'
    stored = Path(settings.MEDIA_ROOT) / hostile
    stored.parent.mkdir(parents=True, exist_ok=True)
    stored.write_bytes(samples.TEXT)
    type(document).objects.filter(pk=document.pk).update(file=hostile)
    document.refresh_from_db()
    response = client.get(document.url)
    assert response.status_code == 200
    header = response["Content-Disposition"]
    assert header == (
        'attachment; filename="a_b_c_X-Injected_1_evaluation.txt"; '
        "filename*=UTF-8''a%22%3Bb%3Dc%3B%20X-Injected%3A%201%20%C3%A9valuation.txt"
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("plan.pdf", "plan.pdf"),
        ("../../etc/passwd", "etc_passwd"),
        ('a"; filename=x.exe', "a_filename_x.exe"),
        ("\u00e9valuation r\u00e9vis\u00e9e.docx", "evaluation_revisee.docx"),
        ("\u65e5\u672c", "document"),
    ],
)
def test_safe_filename(name, expected):
    assert safe_filename(name) == expected


def test_content_disposition_encodes_the_exact_name():
    assert content_disposition("attachment", "r\u00e9sum\u00e9 1.pdf") == (
        "attachment; filename=\"resume_1.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9%201.pdf"
    )


def test_document_in_a_login_only_collection_needs_a_login(client, django_user_model, db):
    document = published_document(samples.TEXT, "n.txt")
    CollectionViewRestriction.objects.create(
        collection=Collection.get_first_root_node(), restriction_type=CollectionViewRestriction.LOGIN
    )
    anonymous = client.get(document.url)
    assert anonymous.status_code == 302
    assert "/login/" in anonymous["Location"]
    client.force_login(django_user_model.objects.create_user("member", password="a-long-test-password"))
    assert client.get(document.url).status_code == 200


def test_wrong_file_name_in_the_url_is_not_found(client, text_document):
    assert client.get(f"/documents/{text_document.pk}/other.txt").status_code == 404


def test_system_check_refuses_direct_serving(settings):
    settings.WAGTAILDOCS_SERVE_METHOD = "direct"
    assert "uploads.E001" in [message.id for message in run_checks()]
