"""Content hidden where the second outside test hid it is read and refused: DOCX custom properties,
embedded workbooks, link addresses, parts nothing points at and alternative text; XLSX headers and
footers, defined names, data-validation lists, sheet names and comments; PDF bookmarks and text
drawn a character at a time. Each place is tried in the reader, through the import's dry run and
through the editor's form; the same files holding nothing personal pass.

Values are synthetic: an NHS number from the 999 test range, a name pairing a first name with "Sample".
"""

import contextlib
import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import inline_formset

from resources.models import ResourcePage
from resources.services.extraction import extract_document_text
from tests.factories import ResourcePageFactory
from tests.resources.admin_helpers import coordinator, resource_form_data
from tests.resources.hidden_files import HIDDEN_PLACES, docx_embedded_ole_object
from tests.resources.test_readers import Doc, blocking_kinds

UNSAFE = "Child: Kayden Sample, NHS 999 012 6704"
CLEAN = "Core group minutes template, version 2"
PLACES = list(HIDDEN_PLACES.items())


@pytest.mark.parametrize(("place", "file"), PLACES, ids=[place for place, _ in PLACES])
def test_the_reader_finds_what_each_place_hides_and_nothing_in_a_clean_file(place, file):
    extension, build = file
    found = blocking_kinds(Doc(f"notes.{extension}", build(UNSAFE)))
    assert {"nhs_number", "person_name"} & {kind for kind, _ in found}, place
    assert blocking_kinds(Doc(f"notes.{extension}", build(CLEAN))) == set(), place


def test_a_workbook_inside_an_ole_object_is_read_too():
    # The upload checks refuse OLE objects (below); the reader still reads one, should a file reach it.
    found = blocking_kinds(Doc("notes.docx", docx_embedded_ole_object(UNSAFE)))
    assert ("nhs_number", "hidden content") in found


def _dry_run(make_row, write_import, attachment, files: list[tuple[str, bytes]]) -> list[str]:
    rows = [make_row(n, attachments=[attachment(name, data)]) for n, (name, data) in enumerate(files, 1)]
    stderr = io.StringIO()
    with contextlib.suppress(CommandError):
        call_command("import_resources", str(write_import(rows)), "--dry-run", stdout=io.StringIO(), stderr=stderr)
    return stderr.getvalue().splitlines()


@pytest.mark.django_db
def test_the_import_refuses_each_hidden_place_and_passes_the_clean_files(make_row, write_import, attachment):
    files = [(f"unsafe-{n}.{ext}", build(UNSAFE)) for n, (_, (ext, build)) in enumerate(PLACES)]
    files += [(f"clean-{n}.{ext}", build(CLEAN)) for n, (_, (ext, build)) in enumerate(PLACES)]
    lines = _dry_run(make_row, write_import, attachment, files)
    refused = {n for n in range(1, len(files) + 1) if any(line.startswith(f"row {n} (") for line in lines)}
    assert refused == set(range(1, len(PLACES) + 1))
    assert all("999 012 6704" not in line and "Kayden" not in line for line in lines)


@pytest.mark.django_db
def test_the_import_refuses_a_docx_carrying_an_ole_object(make_row, write_import, attachment):
    lines = _dry_run(make_row, write_import, attachment, [("notes.docx", docx_embedded_ole_object(CLEAN))])
    assert any(line.startswith("row 1 (") for line in lines)


def _document(name: str, data: bytes) -> int:
    document = get_document_model().objects.create(title="Core group minutes")
    document.file.save(name, ContentFile(data))
    extract_document_text(document)
    return document.pk


@pytest.mark.django_db
@pytest.mark.parametrize(("place", "file"), PLACES, ids=[place for place, _ in PLACES])
def test_the_editor_refuses_to_publish_an_attachment_hiding_it(client, camden, place, file):
    extension, build = file
    page = ResourcePageFactory(parent=camden, title="Camden chronology guide")
    client.force_login(coordinator())
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    for text, refused in ((UNSAFE, True), (CLEAN, False)):
        attachments = inline_formset([{"document": _document(f"notes.{extension}", build(text))}])
        response = client.post(url, resource_form_data(page, action="action-publish", attachments=attachments))
        body = response.content.decode() if response.status_code == 200 else ""
        assert ("looks like it contains personal data" in body) is refused, place
        assert "999 012 6704" not in body
    assert ResourcePage.objects.get(pk=page.pk).attachments.count() == 1
