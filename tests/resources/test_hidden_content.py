"""Content hidden inside documents is read: DOCX properties, text boxes, content controls and
footnotes; PDF properties, sticky notes and form fields. An image-only PDF is flagged for a person
to check, and an author property naming an organisation or a product is not a person's name.

Values are synthetic: an NHS number from the 999 test range, names pairing a first name with "Sample".
"""

import io
import zipfile

import docx
import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Text
from reportlab.pdfgen import canvas

from tests.resources.test_extraction import make_image_only_pdf
from tests.resources.test_readers import Doc, blocking_kinds

NHS = "999 012 6704"


def _docx(properties=None, inject=b"") -> bytes:
    document = docx.Document()
    for name, value in (properties or {}).items():
        setattr(document.core_properties, name, value)
    document.add_paragraph("A template for core group minutes.")
    buffer = io.BytesIO()
    document.save(buffer)
    if not inject:
        return buffer.getvalue()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:sectPr", inject + b"<w:sectPr", 1)
            target.writestr(item, data)
    return out.getvalue()


@pytest.mark.parametrize("prop", ["title", "subject", "keywords", "category", "comments"])
def test_docx_free_text_properties_are_read(prop):
    places = blocking_kinds(Doc("minutes.docx", _docx({prop: f"NHS {NHS}"})))
    assert ("nhs_number", "properties") in places


@pytest.mark.parametrize(
    "xml",
    [
        # a content control around a paragraph
        b"<w:sdt><w:sdtContent><w:p><w:r><w:t>NHS 999 012 6704</w:t></w:r></w:p></w:sdtContent></w:sdt>",
        # a text box inside a drawing
        b'<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent><w:p><w:r>'
        b"<w:t>NHS 999 012 6704</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>",
    ],
    ids=["content control", "text box"],
)
def test_docx_content_controls_and_text_boxes_are_read(xml):
    document = Doc("minutes.docx", _docx(inject=xml))
    assert ("nhs_number", "hidden content") in blocking_kinds(document)


def _pdf(author="", title="", subject="", keywords="", note="", field_value="") -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.setAuthor(author)
    pdf.setTitle(title)
    pdf.setSubject(subject)
    pdf.setKeywords(keywords)
    pdf.drawString(72, 720, "Strategy meeting record template for practitioners across London boroughs.")
    if field_value:
        pdf.acroForm.textfield(name="child", value=field_value, x=72, y=600, width=300, height=20)
    pdf.showPage()
    pdf.save()
    if not note:
        return buffer.getvalue()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(buffer.getvalue())))
    writer.add_annotation(page_number=0, annotation=Text(text=note, rect=(50, 550, 200, 650)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("kwargs", "place"),
    [
        ({"title": f"NHS {NHS}"}, "properties"),
        ({"subject": "DOB 03/04/2015"}, "properties"),
        ({"keywords": "Oliver Sample, chronology"}, "properties"),
        ({"note": f"Child's NHS number {NHS}"}, "hidden content"),
        ({"field_value": "Oliver Sample, SE15 3ZZ"}, "hidden content"),
    ],
    ids=["title", "subject", "keywords", "sticky note", "form field"],
)
def test_pdf_properties_annotations_and_form_fields_are_read(kwargs, place):
    places = blocking_kinds(Doc("record.pdf", _pdf(**kwargs)))
    assert any(where == place for _, where in places), places


def test_an_image_only_pdf_is_flagged_for_a_person_to_check():
    from resources.services.page_guard import document_findings

    findings = list(document_findings(Doc("scan.pdf", make_image_only_pdf())))
    assert [(f.kind, f.blocks) for f in findings] == [("no readable text (scanned image?)", False)]


@pytest.mark.parametrize("author", ["London Practice Exchange", "anonymous", "Camden Council", "Microsoft Office User"])
def test_an_organisation_or_product_as_author_is_not_flagged(author):
    from resources.services.page_guard import document_findings

    assert list(document_findings(Doc("record.pdf", _pdf(author=author)))) == []


def test_a_persons_name_as_author_is_still_flagged():
    from resources.services.page_guard import document_findings

    findings = list(document_findings(Doc("record.pdf", _pdf(author="Pat Example"))))
    assert [(f.location.endswith("(author)"), f.masked) for f in findings] == [(True, "P** E******")]
