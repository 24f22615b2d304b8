"""Attachment text extraction: resources.services.extraction, resources.tasks and the document signals.

Every test file is generated here (reportlab, pypdf, python-docx), so no binaries are committed.
The phrases are nonsense words, so a search hit can only come from the file they were put in.
"""

import io
import logging

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from django_tasks import TaskResultStatus
from docx import Document as new_docx
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen import canvas
from wagtail.documents import get_document_model

from caching.services import is_purge_callback
from resources.models import ResourceAttachment, ResourcePage
from resources.services import extraction
from resources.services.extraction import (
    ENCRYPTED,
    NO_TEXT_LAYER,
    ExtractionResult,
    extract_document_text,
    extract_text,
)
from resources.tasks import extract_document_text_task
from tests.factories import DocumentFactory, ResourcePageFactory

PDF_PHRASE = "quokka strategy checklist"
DOCX_BODY = "marmoset conference agenda"
DOCX_CELL = "pangolin threshold table"
DOCX_HEADER = "axolotl borough header"
DOCX_FOOTER = "narwhal version footer"
CORRUPT_PDF = b"%PDF-1.4 garbage"


def make_pdf(*pages: str) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for text in pages or ("",):
        pdf.drawString(72, 720, text)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def make_image_only_pdf() -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.rect(72, 400, 400, 300, fill=1)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def encrypt(pdf: bytes, password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def make_docx() -> bytes:
    document = new_docx()
    document.add_paragraph(DOCX_BODY)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = DOCX_CELL
    table.cell(0, 1).text = "second cell"
    section = document.sections[0]
    section.header.paragraphs[0].text = DOCX_HEADER
    section.footer.paragraphs[0].text = DOCX_FOOTER
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def extract(content: bytes, extension: str) -> ExtractionResult:
    return extract_text(io.BytesIO(content), extension)


# --- extract_text: one file at a time -------------------------------------------------------


def test_pdf_text_and_page_count():
    result = extract(make_pdf(PDF_PHRASE, "Second page of guidance text"), "pdf")

    assert PDF_PHRASE in result.text
    assert "Second page of guidance text" in result.text
    assert result.page_count == 2
    assert result.error == ""


def test_extension_case_and_dot_do_not_matter():
    assert PDF_PHRASE in extract(make_pdf(PDF_PHRASE), ".PDF").text


def test_docx_paragraphs_table_cells_headers_and_footers():
    result = extract(make_docx(), "docx")

    for phrase in (DOCX_BODY, DOCX_CELL, DOCX_HEADER, DOCX_FOOTER):
        assert phrase in result.text
    assert result.error == ""
    assert result.page_count is None


def test_docx_merged_cell_text_appears_once():
    document = new_docx()
    table = document.add_table(rows=1, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 2))
    merged.text = DOCX_CELL
    buffer = io.BytesIO()
    document.save(buffer)

    assert extract(buffer.getvalue(), "docx").text.count(DOCX_CELL) == 1


def test_encrypted_pdf_is_an_error_not_an_exception():
    result = extract(encrypt(make_pdf(PDF_PHRASE), "secret"), "pdf")

    assert result.error == ENCRYPTED
    assert result.text == ""


def test_pdf_encrypted_with_an_empty_password_is_read():
    result = extract(encrypt(make_pdf(PDF_PHRASE), ""), "pdf")

    assert PDF_PHRASE in result.text
    assert result.error == ""


@pytest.mark.parametrize(
    ("content", "extension"),
    [
        (CORRUPT_PDF, "pdf"),
        (b"", "pdf"),
        (b"PK\x03\x04 not really a zip", "docx"),
        (b"plain text pretending", "docx"),
    ],
)
def test_damaged_files_are_an_error_not_an_exception(content, extension):
    result = extract(content, extension)

    assert result.error.startswith("could not be read: ")
    assert result.text == ""


def test_image_only_pdf_has_no_text_layer():
    result = extract(make_image_only_pdf(), "pdf")

    assert result.error == NO_TEXT_LAYER
    assert result.page_count == 1


@pytest.mark.parametrize("extension", ["txt", "csv"])
def test_text_files_are_decoded_with_replacement_and_whitespace_normalised(extension):
    content = "\ufeffStrategy\t\tdiscussion  notes\r\n\r\n\r\nsecond,line\x00\n".encode() + b"bad \xff byte"

    result = extract(content, extension)

    assert result.text == "Strategy discussion notes\nsecond,line\nbad \ufffd byte"
    assert result.error == ""


@pytest.mark.parametrize("extension", ["xlsx", "pptx", "odt"])
def test_damaged_spreadsheets_slides_and_odt_record_why_there_is_no_text(extension):
    result = extract(b"PK\x03\x04 anything", extension)
    assert (result.text, result.error.split(":")[0]) == ("", "could not be read")


def test_formats_we_do_not_read_give_no_text_and_no_error():
    assert extract(b"anything", "rtf") == ExtractionResult(text="", page_count=None, error="")


def test_files_over_the_upload_limit_are_not_read(settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 100

    result = extract(b"x" * 101, "txt")

    assert result.error.startswith("too large to read")
    assert result.text == ""


def test_docx_that_unpacks_too_large_is_not_read(monkeypatch):
    monkeypatch.setattr(extraction, "MAX_UNPACKED_BYTES", 1000)

    result = extract(make_docx(), "docx")

    assert result.error.startswith("too large to read")


def test_only_the_first_pages_of_a_long_pdf_are_read(monkeypatch):
    monkeypatch.setattr(extraction, "MAX_PDF_PAGES", 1)

    result = extract(make_pdf(PDF_PHRASE, "marmoset on page two"), "pdf")

    assert PDF_PHRASE in result.text
    assert "marmoset" not in result.text
    assert result.page_count == 2


def test_stored_text_is_capped(monkeypatch):
    monkeypatch.setattr(extraction, "MAX_TEXT_LENGTH", 50)

    assert len(extract(b"word " * 100, "txt").text) == 50


# --- Documents: the signal, the task and the service ----------------------------------------


def stored(document):
    return get_document_model().objects.get(pk=document.pk)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "name", "error", "page_count"),
    [
        (make_pdf(PDF_PHRASE), "guide.pdf", "", 1),
        (encrypt(make_pdf(PDF_PHRASE), "secret"), "locked.pdf", ENCRYPTED, None),
        (CORRUPT_PDF, "broken.pdf", "could not be read: damaged", None),
        (make_image_only_pdf(), "scan.pdf", NO_TEXT_LAYER, 1),
        (b"Meeting notes, plain text", "notes.txt", "", None),
        (b"PK\x03\x04 spreadsheet", "figures.xlsx", "could not be read: damaged", None),
    ],
)
def test_uploading_a_document_records_its_text_or_why_not(
    django_capture_on_commit_callbacks, content, name, error, page_count
):
    with django_capture_on_commit_callbacks(execute=True):
        document = DocumentFactory(file=ContentFile(content, name=name))

    document = stored(document)  # the save succeeded whatever the file held
    assert document.extraction_error.startswith(error)
    assert bool(document.extraction_error) == bool(error)
    assert document.page_count == page_count
    if name == "guide.pdf":
        assert PDF_PHRASE in document.extracted_text


def without_purges(callbacks: list) -> list:
    """The page cache's own after-commit purge (caching.services) is not extraction work."""
    return [callback for callback in callbacks if not is_purge_callback(callback)]


@pytest.mark.django_db
def test_extraction_waits_for_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        document = DocumentFactory(file=ContentFile(make_pdf(PDF_PHRASE), name="guide.pdf"))

    assert len(without_purges(callbacks)) == 1
    assert stored(document).extracted_text == ""


@pytest.mark.django_db
def test_only_a_new_file_queues_extraction_again(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = DocumentFactory(file=ContentFile(make_pdf(PDF_PHRASE), name="guide.pdf"))
    document = stored(document)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        document.title = "Renamed"
        document.save()
        document.get_file_hash()  # Wagtail filling in the hash of the same file
        document.get_file_size()
    assert without_purges(callbacks) == []

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        document.file = ContentFile(make_pdf("marmoset replacement text"), name="guide-v2.pdf")
        document._set_document_file_metadata()
        document.save()
    assert len(without_purges(callbacks)) == 1
    assert "marmoset replacement text" in stored(document).extracted_text
    assert PDF_PHRASE not in stored(document).extracted_text


@pytest.mark.django_db
def test_fixture_loading_does_not_queue_extraction(django_capture_on_commit_callbacks):
    document = get_document_model()(title="Loaded", file="documents/loaded.pdf", created_at=timezone.now())

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        document.save_base(raw=True)

    assert without_purges(callbacks) == []


@pytest.mark.django_db
def test_task_for_a_deleted_document_does_nothing():
    result = extract_document_text_task.enqueue(987654)

    assert result.status == TaskResultStatus.SUCCESSFUL


@pytest.mark.django_db
def test_a_file_missing_from_storage_is_recorded(django_capture_on_commit_callbacks):
    document = DocumentFactory(file=ContentFile(make_pdf(PDF_PHRASE), name="guide.pdf"))
    document.file.storage.delete(document.file.name)

    extract_document_text(stored(document))

    assert stored(document).extraction_error == "could not be read: the file is missing from storage"


@pytest.mark.django_db
def test_document_text_is_never_logged(caplog, django_capture_on_commit_callbacks):
    caplog.set_level(logging.DEBUG)

    with django_capture_on_commit_callbacks(execute=True):
        readable = DocumentFactory(file=ContentFile(make_pdf(PDF_PHRASE), name="guide.pdf"))
        DocumentFactory(file=ContentFile(make_docx(), name="agenda.docx"))
        DocumentFactory(file=ContentFile(encrypt(make_pdf(PDF_PHRASE), "secret"), name="locked.pdf"))
        DocumentFactory(file=ContentFile(b"%PDF-1.4 quokka " + PDF_PHRASE.encode(), name="broken.pdf"))

    assert PDF_PHRASE in stored(readable).extracted_text
    assert f"Document {readable.pk}" in caplog.text  # the log names the document...
    for phrase in ("quokka", "marmoset", "pangolin", "axolotl", "narwhal"):
        assert phrase not in caplog.text.lower()  # ...and never its words


# --- Search: attachment text finds its resource ----------------------------------------------


def search(phrase: str) -> list[ResourcePage]:
    return list(ResourcePage.objects.live().search(phrase))


@pytest.mark.django_db
def test_extraction_refreshes_only_live_resources_that_attach_the_document(monkeypatch):
    document = DocumentFactory(file=ContentFile(make_pdf(PDF_PHRASE), name="guide.pdf"))
    live, draft, other = ResourcePageFactory(), ResourcePageFactory(live=False), ResourcePageFactory()
    for page in (live, draft):
        ResourceAttachment.objects.create(page=page, document=document)
        ResourceAttachment.objects.create(page=page, document=document)  # attached twice, refreshed once
    refreshed = []
    monkeypatch.setattr(extraction, "update_object", refreshed.append)

    extract_document_text(document)

    assert [page.pk for page in refreshed] == [live.pk]
    assert other.pk not in [page.pk for page in refreshed]


@pytest.mark.django_db
def test_a_search_index_failure_does_not_lose_the_text(settings):
    from indexing.models import PendingIndexUpdate
    from tests.engines import UNREACHABLE_ENGINE

    settings.WAGTAILSEARCH_BACKENDS = {
        "default": settings.DATABASE_SEARCH_BACKEND,
        "engine": UNREACHABLE_ENGINE,  # an Elasticsearch that is down
    }
    document = DocumentFactory(file=ContentFile(make_pdf(PDF_PHRASE), name="guide.pdf"))
    page = ResourcePageFactory()
    ResourceAttachment.objects.create(page=page, document=document)

    extract_document_text(document)

    assert PDF_PHRASE in stored(document).extracted_text
    assert PendingIndexUpdate.objects.filter(object_id=str(page.pk), backend="engine").exists()


@pytest.mark.django_db
def test_a_phrase_only_in_an_attached_pdf_finds_the_resource(django_capture_on_commit_callbacks):
    """Needs ResourcePage.search_fields to index attachments → document → extracted_text."""
    resource = ResourcePageFactory(title="Strategy meeting guidance")
    ResourcePageFactory(title="Unrelated guidance")
    document = DocumentFactory(file=ContentFile(b"placeholder", name="guide.txt"))
    ResourceAttachment.objects.create(page=resource, document=document)
    assert search("quokka") == []

    with django_capture_on_commit_callbacks(execute=True):  # the publisher uploads the real file
        document.file = ContentFile(make_pdf(PDF_PHRASE), name="guide.pdf")
        document.save()

    assert [page.pk for page in search("quokka")] == [resource.pk]


@pytest.mark.django_db
def test_a_document_extracted_before_it_is_attached_is_found_when_the_resource_is_published(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        document = DocumentFactory(file=ContentFile(make_docx(), name="agenda.docx"))
    resource = ResourcePageFactory(title="Conference agenda template")
    resource.attachments.add(ResourceAttachment(document=document))  # as the editor's inline panel does
    with django_capture_on_commit_callbacks(execute=True):
        resource.save_revision().publish()

    assert [page.pk for page in search("pangolin")] == [resource.pk]


def test_result_error_kind_never_carries_detail():
    assert ExtractionResult(error="could not be read: damaged (PdfReadError)").error_kind == "could not be read"
    assert ExtractionResult(error=NO_TEXT_LAYER).error_kind == NO_TEXT_LAYER
