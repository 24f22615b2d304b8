"""Text uploads in the encodings spreadsheets save (Windows-1252, Latin-1, UTF-16 with its mark) are
accepted and stored as UTF-8; what cannot be read is refused saying how to save it. Every refusal
shows one plain message (never Wagtail's "File extension “” is not allowed" under it)."""

import codecs
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import UploadedFile

from tests.uploads import samples
from uploads.refusals import UploadRefused
from uploads.services import check_upload, stored_bytes
from uploads.text_files import decode_text

ALLOWED = ["pdf", "docx", "xlsx", "pptx", "odt", "txt", "csv"]
TABLE = "stage,note\nstrategy,Café – reviewed\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TABLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TABLE.encode("utf-8"), "utf-8-sig"),
        (TABLE.encode("cp1252"), "cp1252"),  # Excel's "CSV (Comma delimited)" on Windows
        (codecs.BOM_UTF16_LE + TABLE.encode("utf-16-le"), "utf-16"),  # Excel's "Unicode text"
        (codecs.BOM_UTF16_BE + TABLE.encode("utf-16-be"), "utf-16"),
    ],
)
def test_text_is_read_in_the_encodings_spreadsheets_save(data, encoding):
    assert decode_text(data) == (TABLE, encoding)


def test_latin1_bytes_outside_windows_1252_are_read_as_latin1():
    assert decode_text(b"caf\xe9 \x81")[1] == "latin-1"


@pytest.mark.parametrize(
    "data",
    [TABLE.encode("cp1252"), codecs.BOM_UTF16_LE + TABLE.encode("utf-16-le")],
)
def test_other_encodings_are_accepted_and_stored_as_utf8_with_a_mark_for_excel(data):
    check_upload(io.BytesIO(data), "notes.csv", len(data), ALLOWED, source="test")
    assert stored_bytes(data, "notes.csv") == codecs.BOM_UTF8 + TABLE.encode("utf-8")


def test_utf8_files_needing_nothing_are_stored_as_they_are():
    data = TABLE.encode("utf-8")
    assert stored_bytes(data, "notes.csv") is data


def test_utf16_markup_is_found_once_read_as_text():
    data = codecs.BOM_UTF16_LE + "a,b\n1,<script>alert(1)</script>\n".encode("utf-16-le")
    with pytest.raises(UploadRefused) as refused:
        check_upload(io.BytesIO(data), "page.csv", len(data), ALLOWED, source="test")
    assert refused.value.code == "markup"


REFUSALS = {
    "UTF-16 without its mark": ("notes.csv", TABLE.encode("utf-16-le"), "save it as UTF-8 text"),
    "no extension": ("notes", TABLE.encode(), "its name has no extension; name it ending in one of .pdf"),
    "binary renamed .txt": ("notes.txt", b"\x00\x01\x02\x03", "its content is"),
    "a program renamed .pdf": ("tool.pdf", samples.EXE, "its content is a Windows program"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", list(REFUSALS))
def test_the_admin_says_plainly_what_is_wrong_and_nothing_else(admin_client, media_files, case):
    name, data, says = REFUSALS[case]
    response = admin_client.post(
        reverse("wagtaildocs:add"), {"title": "Synthetic", "collection": 1, "file": SimpleUploadedFile(name, data)}
    )
    html = response.content.decode()
    assert "This file was refused: " in html and says in html
    assert "File extension" not in html
    assert html.count("This file was refused") == 1
    assert get_document_model().objects.count() == 0
    assert media_files() == []


@pytest.mark.django_db
@pytest.mark.parametrize("case", list(REFUSALS))
def test_the_multiple_upload_says_the_same(admin_client, case):
    name, data, says = REFUSALS[case]
    response = admin_client.post(reverse("wagtaildocs:add_multiple"), {"files[]": SimpleUploadedFile(name, data)})
    message = response.json()["error_message"]
    assert says in message and "File extension" not in message
    assert UploadedFile.objects.count() == 0


@pytest.mark.django_db
def test_a_windows_1252_csv_uploaded_in_the_admin_is_stored_as_utf8(admin_client):
    data = TABLE.encode("cp1252")
    response = admin_client.post(
        reverse("wagtaildocs:add"), {"title": "Synthetic", "collection": 1, "file": SimpleUploadedFile("n.csv", data)}
    )
    assert response.status_code == 302
    with get_document_model().objects.get().file.open("rb") as handle:
        assert handle.read().decode("utf-8-sig") == TABLE
