"""Extraction of any accepted file stays within a stated time and memory bound (a child process with
kernel limits), a DOCX that expands into tens of megabytes of XML is recorded as "too large to read"
without being parsed, and the bulk import reads each attachment once.

Bounds are measured as the child's CPU seconds and its peak resident memory above its start, which
the kernel reports (getrusage, VmHWM): no wall-clock timing.
"""

import io
import zipfile

import docx
import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from resources.services import bounded_extraction
from resources.services.bounded_extraction import Limits, extract_text_bounded, limits, run_bounded
from resources.services.extraction import TOO_LARGE

MB = 1024 * 1024
# Pages of the fork server (Django and the readers) the child touches count towards its resident size.
INHERITED_SLACK = 48 * MB
LINE = "<w:p><w:r><w:t>Synthetic practice guidance line, for testing only.</w:t></w:r></w:p>"


def expanding_docx(xml_mb: int) -> bytes:
    """A small DOCX whose document.xml unpacks to ``xml_mb`` MB of paragraphs (the reported file's shape)."""
    seed = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Synthetic seed paragraph")
    document.save(seed)
    source = zipfile.ZipFile(io.BytesIO(seed.getvalue()))
    xml = source.read("word/document.xml").decode()
    at = xml.index("<w:body>") + len("<w:body>")
    body = xml[:at] + LINE * (xml_mb * MB // len(LINE)) + xml[at:]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for item in source.infolist():
            archive.writestr(item.filename, body if item.filename == "word/document.xml" else source.read(item))
    return out.getvalue()


def small_docx(text: str) -> bytes:
    out = io.BytesIO()
    document = docx.Document()
    document.add_paragraph(text)
    document.save(out)
    return out.getvalue()


def test_a_docx_expanding_to_40_mb_of_xml_is_too_large_to_read_and_is_never_parsed(monkeypatch):
    bomb = expanding_docx(40)
    assert len(bomb) < 400 * 1024  # small on the wire, like the reported 159 KB file
    monkeypatch.setattr(bounded_extraction, "run_bounded", lambda *args: pytest.fail("parsed"))
    result = extract_text_bounded(io.BytesIO(bomb), "docx")
    assert result.error.startswith(TOO_LARGE)
    assert result.text == ""


def test_whatever_the_parser_does_memory_is_bounded_and_the_file_recorded_as_too_large():
    """The same file given straight to the child (no precheck) with a 128 MB allowance: the parser
    is refused memory and the answer is "too large to read", having used no more than the allowance."""
    bounds = Limits(memory_bytes=128 * MB, cpu_seconds=10, wait_seconds=120)
    result, usage = run_bounded(expanding_docx(40), "docx", bounds)
    assert result.error.startswith(TOO_LARGE)
    if usage is not None:  # None: killed at a limit, which bounds it too
        assert usage.peak_memory_bytes <= bounds.memory_bytes + INHERITED_SLACK
        assert usage.cpu_seconds <= bounds.cpu_seconds


def spin(file_obj, extension):
    """A reader that never finishes (module level: the child imports it by name)."""
    while True:
        pass


def test_a_reader_that_never_finishes_is_stopped_by_its_cpu_allowance():
    bounds = Limits(memory_bytes=64 * MB, cpu_seconds=1, wait_seconds=120)
    result, usage = run_bounded(b"anything", "txt", bounds, reader=spin)
    assert result.error.startswith(TOO_LARGE)
    assert usage is None  # the kernel ended it (SIGXCPU) at one CPU second


def test_an_ordinary_document_is_read_in_the_child_well_within_the_default_bound():
    result, usage = run_bounded(small_docx("Synthetic strategy discussion checklist"), "docx", limits())
    assert "Synthetic strategy discussion checklist" in result.text
    assert result.error == ""
    assert usage is not None
    assert usage.peak_memory_bytes <= limits().memory_bytes
    assert usage.cpu_seconds <= limits().cpu_seconds


@pytest.mark.django_db
def test_an_uploaded_bomb_is_recorded_on_the_document_as_too_large(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = get_document_model().objects.create(title="Synthetic expanding file")
        document.file.save("synthetic.docx", ContentFile(expanding_docx(40)))
    document.refresh_from_db()
    assert document.extraction_error.startswith(TOO_LARGE)


@pytest.mark.django_db
def test_the_bulk_import_reads_each_attachment_once(
    monkeypatch, run_import, write_import, make_row, attachment, django_capture_on_commit_callbacks
):
    calls = []
    real = bounded_extraction.run_bounded

    def counted(data, extension, bounds, reader=None):
        calls.append(extension)
        return real(data, extension, bounds)

    monkeypatch.setattr(bounded_extraction, "run_bounded", counted)
    attachment("synthetic-guide.docx", small_docx("Synthetic core group agenda"))
    with django_capture_on_commit_callbacks(execute=True):
        run_import(write_import([make_row(1, attachments=["synthetic-guide.docx"])]))
    assert calls == ["docx"]
    document = get_document_model().objects.get()
    assert "Synthetic core group agenda" in document.extracted_text
