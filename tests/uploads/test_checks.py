"""uploads.services.check_upload: type by content, extension agreement, Office and PDF checks."""

import io
import logging

import pytest

from tests.uploads import samples
from uploads.refusals import UploadRefused
from uploads.services import check_upload

DOCUMENTS = ["pdf", "docx", "xlsx", "pptx", "odt", "txt", "csv"]
EVERYTHING = [*DOCUMENTS, "png", "jpg", "jpeg", "svg", "html", "exe", "zip", "docm", "xlsm", "gz", "doc", "ods"]


def check(name: str, data: bytes, allowed: list[str] = EVERYTHING):
    return check_upload(io.BytesIO(data), name, len(data), allowed, source="test")


def refusal(name: str, data: bytes, allowed: list[str] = EVERYTHING) -> UploadRefused:
    with pytest.raises(UploadRefused) as caught:
        check(name, data, allowed)
    return caught.value


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("checklist.pdf", samples.pdf()),
        ("minimal.pdf", b"%PDF-1.4\n% generic practice template\n"),
        ("agenda.docx", samples.docx_file()),
        ("audit.xlsx", samples.office_zip("xlsx")),
        ("slides.pptx", samples.office_zip("pptx")),
        ("notes.odt", samples.odt_file()),
        ("notes.txt", samples.TEXT),
        ("notes.txt", b"\xef\xbb\xbf" + samples.TEXT),
        ("tools.csv", samples.CSV),
        ("map.png", samples.image("PNG")),
        ("map.jpg", samples.image("JPEG")),
        ("map.jpeg", samples.image("JPEG")),
        ("UPPER.PDF", samples.pdf()),
    ],
)
def test_accepted_formats(name, data):
    assert check(name, data).kind.extensions


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("diagram.svg", samples.SVG, "markup"),
        ("page.html", samples.HTML, "markup"),
        ("diagram.txt", samples.SVG, "markup"),
        ("page.csv", b"a,b\n1,<script>alert(1)</script>\n", "markup"),
        ("tool.exe", samples.EXE, "executable"),
        ("tool.pdf", samples.EXE, "executable"),
        ("tool.txt", samples.ELF, "executable"),
        ("bundle.zip", samples.plain_zip(), "archive"),
        ("bundle.docx", samples.plain_zip(), "archive"),
        ("notes.gz", samples.GZIP, "archive"),
        ("old.doc", samples.OLE, "legacy-office"),
        ("macros.docm", samples.office_zip("docm"), "macro"),
        ("macros.docx", samples.office_zip("docm"), "macro"),
        ("macros.xlsm", samples.office_zip("xlsm"), "macro"),
        ("hidden.docx", samples.office_zip("docx", {"word/vbaProject.bin": b"\x00" * 10}), "macro"),
        ("control.docx", samples.office_zip("docx", {"word/activeX/activeX1.bin": b"\x00"}), "macro"),
        ("macros.odt", samples.odt_file(extra={"Basic/Standard/Module1.xml": b"<m/>"}), "macro"),
        ("sheet.ods", samples.odt_file("application/vnd.oasis.opendocument.spreadsheet"), "unsupported-office"),
        ("binary.txt", b"\x00\x01\x02", "unknown-type"),
        ("utf16-no-mark.txt", "Caf\u00e9 notes".encode("utf-16-le"), "encoding"),
        ("empty.pdf", b"", "empty"),
        ("padded.pdf", b"junk" + samples.pdf(), "disguised-pdf"),
    ],
)
def test_refused_content(name, data, code):
    assert refusal(name, data).code == code


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("report.pdf", samples.docx_file(), "it is called .pdf but its content is a Word document (.docx)"),
        ("agenda.docx", samples.pdf(), "it is called .docx but its content is a PDF (.pdf)"),
        ("audit.xlsx", samples.office_zip("pptx"), "it is called .xlsx but its content is a PowerPoint presentation"),
        ("map.png", samples.image("JPEG"), "it is called .png but its content is a JPEG image (.jpg)"),
        ("notes.pdf", samples.TEXT, "it is called .pdf but its content is plain text (.txt)"),
    ],
)
def test_extension_must_agree_with_content(name, data, reason):
    refused = refusal(name, data)
    assert refused.code == "mismatch"
    assert reason in refused.reason


def test_extension_outside_the_list_is_refused_before_the_content_is_read():
    refused = refusal("photo.png", samples.image("PNG"), allowed=DOCUMENTS)
    assert refused.code == "extension"
    assert refused.reason == "'.png' files are not accepted (accepted: pdf, docx, xlsx, pptx, odt, txt, csv)"


def test_size_limit_comes_from_the_setting(settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1000
    data = samples.TEXT * 20
    refused = refusal("notes.txt", data)
    assert refused.code == "too-large"
    assert "over the 1000\xa0bytes limit" in refused.reason
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = len(data)
    assert check("notes.txt", data)


class TestOfficeZipLimits:
    def test_uncompressed_size_limit_is_checked_before_parsing(self, settings):
        settings.UPLOADS_MAX_ZIP_UNCOMPRESSED = 5 * 1024 * 1024
        bomb = samples.zip_bomb(uncompressed_mb=6)
        assert len(bomb) < 100_000  # small on the wire, large when opened
        refused = refusal("bomb.docx", bomb)
        assert (refused.code, refused.reason) == ("zip-size", "it would expand to more than 5 MB when opened")

    def test_under_the_size_limit_the_same_shape_is_accepted(self, settings):
        settings.UPLOADS_MAX_ZIP_UNCOMPRESSED = 5 * 1024 * 1024
        assert check("big.docx", samples.zip_bomb(uncompressed_mb=4)).kind.extensions == ("docx",)

    def test_part_count_limit(self, settings):
        settings.UPLOADS_MAX_ZIP_PARTS = 50
        assert refusal("parts.docx", samples.many_parts(60)).code == "zip-parts"
        assert check("parts.docx", samples.many_parts(40))

    def test_truncated_zip_is_refused_as_damaged(self):
        assert refusal("cut.docx", samples.docx_file()[:2000]).code == "damaged"


class TestPdf:
    @pytest.mark.parametrize(
        ("build", "code", "reason"),
        [
            (samples.pdf_with_javascript, "pdf-javascript", "it contains JavaScript"),
            (samples.pdf_with_hex_escaped_javascript, "pdf-javascript", "it contains JavaScript"),
            (samples.pdf_with_launch_action, "pdf-launch", "it contains a launch action, which can start programs"),
            (samples.pdf_with_embedded_file, "pdf-embedded-file", "it has files embedded in it"),
            (samples.pdf_encrypted, "pdf-encrypted", "it is encrypted or password-protected, so it cannot be checked"),
        ],
    )
    def test_active_content_is_refused_with_a_reason(self, build, code, reason):
        refused = refusal("tool.pdf", build())
        assert (refused.code, refused.reason) == (code, reason)

    def test_javascript_hidden_in_a_compressed_object_stream_is_found(self):
        data = samples.pdf_with_javascript_in_object_stream()
        assert b"JavaScript" not in data  # the raw bytes show nothing
        assert refusal("tool.pdf", data).code == "pdf-javascript"

    def test_damaged_pdf_with_streams_is_refused(self):
        data = samples.pdf_with_javascript_in_object_stream()
        broken = data.replace(b"/XRef", b"/XXXX").replace(b"startxref", b"startxxxx")
        assert refusal("broken.pdf", broken).code == "damaged"


def test_refusal_is_logged_without_the_file_name(caplog):
    with caplog.at_level(logging.WARNING, logger="exchange.uploads"):
        refusal("Family-Surname-assessment.pdf", samples.pdf_with_javascript())
    assert "Upload refused (pdf-javascript): source=test" in caplog.text
    assert "extension=pdf" in caplog.text
    assert "Surname" not in caplog.text
