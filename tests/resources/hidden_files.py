"""Synthetic files hiding text where the second outside test hid it: DOCX custom properties,
embedded workbooks, link addresses and parts nothing points at; XLSX headers and footers, defined
names, data-validation lists, sheet names and comments; PDF bookmarks and text drawn a character
at a time. Each builder takes the text to hide and returns the file's bytes."""

import io
import re
import zipfile
from collections.abc import Callable
from xml.sax.saxutils import escape, quoteattr

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from reportlab.pdfgen import canvas

from tests.resources.office_files import make_xlsx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx(
    build: Callable[[docx.document.Document], None] | None = None, parts: dict[str, bytes] | None = None
) -> bytes:
    document = docx.Document()
    document.core_properties.author = "London Practice Exchange"
    document.add_paragraph("A template for core group minutes.")
    if build:
        build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    if not parts:
        return buffer.getvalue()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        for name, data in parts.items():
            target.writestr(name, data)
    return out.getvalue()


def docx_custom_property(text: str) -> bytes:
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/'
        '2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Notes">'
        f"<vt:lpwstr>{escape(text)}</vt:lpwstr></property></Properties>"
    )
    return _docx(parts={"docProps/custom.xml": xml.encode()})


def docx_embedded_workbook(text: str) -> bytes:
    return _docx(parts={"word/embeddings/Microsoft_Excel_Worksheet1.xlsx": make_xlsx([["Notes"], [text]])})


def docx_embedded_ole_object(text: str) -> bytes:
    # An OLE container holding the workbook it embeds, as Word stores an "Insert > Object".
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + make_xlsx([["Notes"], [text]])
    return _docx(parts={"word/embeddings/oleObject1.bin": ole})


def docx_link_address(text: str) -> bytes:
    # The link's address is what hides the text: a maps or search link with it in the query.
    url = "https://maps.example.org/search/?query=" + re.sub(r"\s+", "+", text)
    return _docx(lambda document: document.part.relate_to(url, RT.HYPERLINK, is_external=True))


def docx_unreferenced_part(text: str) -> bytes:
    xml = f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p></w:body></w:document>'
    return _docx(parts={"word/old-draft.xml": xml.encode()})


def docx_alt_text(text: str) -> bytes:
    xml = (
        f'<w:document xmlns:w="{W}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        f'<w:body><w:p><w:r><w:drawing><wp:inline><wp:docPr id="1" name="Picture 1" descr={quoteattr(text)}/>'
        "</wp:inline></w:drawing></w:r></w:p></w:body></w:document>"
    )
    return _docx(parts={"word/glossary/document.xml": xml.encode()})


def _workbook(build: Callable[[Workbook], None]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Stage", "Working days"])
    sheet.append(["ICPC", 15])
    build(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_header_footer(text: str) -> bytes:
    def build(workbook: Workbook) -> None:
        workbook.active.oddHeader.center.text = text
        workbook.active.oddFooter.left.text = "Page &P"

    return _workbook(build)


def xlsx_defined_name(text: str) -> bytes:
    value = '"' + text.replace('"', "'") + '"'
    return _workbook(lambda workbook: workbook.defined_names.add(DefinedName("Notes", attr_text=value)))


def xlsx_validation_list(text: str) -> bytes:
    def build(workbook: Workbook) -> None:
        validation = DataValidation(type="list", formula1='"' + text.replace('"', "'") + ',None"')
        workbook.active.add_data_validation(validation)
        validation.add("B2")

    return _workbook(build)


_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")


def xlsx_sheet_name(text: str) -> bytes:
    return _workbook(
        lambda workbook: setattr(workbook.create_sheet(), "title", _NOT_IN_SHEET_NAMES.sub(" ", text)[:31])
    )


def xlsx_comment(text: str) -> bytes:
    return _workbook(lambda workbook: setattr(workbook.active["B2"], "comment", Comment(text, "Exchange")))


def pdf_bookmark(text: str) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.setAuthor("London Practice Exchange")
    pdf.drawString(72, 740, "Strategy meeting record template for practitioners across London.")
    pdf.bookmarkPage("notes")
    pdf.addOutlineEntry(text, "notes", level=0)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def pdf_one_character_at_a_time(text: str) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.setAuthor("London Practice Exchange")
    pdf.drawString(72, 740, "Strategy meeting record template for practitioners across London.")
    x, y = 72.0, 720.0
    for char in text:
        if x > 520:
            x, y = 72.0, y - 16
        pdf.drawString(x, y, char)
        x += pdf.stringWidth(char, "Helvetica", 12)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


# Where a value hides, per place of the labelled set. An OLE object is not among them: the upload
# checks refuse every file carrying one (uploads.containers), before the guard reads it.
HIDDEN_PLACES: dict[str, tuple[str, Callable[[str], bytes]]] = {
    "DOCX custom properties": ("docx", docx_custom_property),
    "DOCX embedded workbook": ("docx", docx_embedded_workbook),
    "DOCX link addresses": ("docx", docx_link_address),
    "DOCX unreferenced part": ("docx", docx_unreferenced_part),
    "DOCX alternative text": ("docx", docx_alt_text),
    "XLSX headers and footers": ("xlsx", xlsx_header_footer),
    "XLSX defined names": ("xlsx", xlsx_defined_name),
    "XLSX validation lists": ("xlsx", xlsx_validation_list),
    "XLSX sheet names": ("xlsx", xlsx_sheet_name),
    "XLSX comments": ("xlsx", xlsx_comment),
    "PDF bookmarks": ("pdf", pdf_bookmark),
    "PDF text a character at a time": ("pdf", pdf_one_character_at_a_time),
}
