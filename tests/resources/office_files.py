"""Small synthetic office files for the extraction and guard tests: XLSX (openpyxl), PPTX and ODT
(assembled part by part, like the files the upload checks accept), and PDFs with hidden content."""

import datetime
import io
import zipfile
from xml.sax.saxutils import escape

from openpyxl import Workbook

CORE = (
    '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties '
    'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title><dc:creator>{author}</dc:creator>'
    "</cp:coreProperties>"
)


def make_xlsx(rows: list[list[object]], title: str = "", hidden_sheet: list[list[object]] | None = None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    if hidden_sheet:
        extra = workbook.create_sheet("Lookup")
        extra.sheet_state = "hidden"
        for row in hidden_sheet:
            extra.append(row)
    workbook.properties.title = title
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def make_pptx(slides: list[str], notes: str = "", title: str = "") -> bytes:
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    p = "http://schemas.openxmlformats.org/presentationml/2006/main"
    types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.presentationml.presentation.main+xml"/></Types>'
    )

    def slide(text: str, root: str = "sld") -> str:
        return (
            f'<p:{root} xmlns:a="{a}" xmlns:p="{p}"><p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>'
            f"{escape(text)}</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:{root}>"
        )

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("ppt/presentation.xml", f'<p:presentation xmlns:p="{p}"/>')
        for number, text in enumerate(slides, 1):
            archive.writestr(f"ppt/slides/slide{number}.xml", slide(text))
        if notes:
            archive.writestr("ppt/notesSlides/notesSlide1.xml", slide(notes, "notes"))
        archive.writestr("docProps/core.xml", CORE.format(title=escape(title), author="London Practice Exchange"))
    return buffer.getvalue()


def make_odt(paragraphs: list[str], header: str = "", title: str = "") -> bytes:
    office = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    text = 'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    style = 'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"'
    body = "".join(f"<text:p>{escape(p)}</text:p>" for p in paragraphs)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        archive.writestr(
            "content.xml",
            f"<office:document-content {office} {text}><office:body><office:text>{body}"
            "</office:text></office:body></office:document-content>",
        )
        archive.writestr(
            "styles.xml",
            f"<office:document-styles {office} {text} {style}><office:master-styles><style:master-page>"
            f"<style:header><text:p>{escape(header)}</text:p></style:header></style:master-page>"
            "</office:master-styles></office:document-styles>",
        )
        archive.writestr(
            "meta.xml",
            f'<office:document-meta {office} xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta>'
            f"<dc:title>{escape(title)}</dc:title></office:meta></office:document-meta>",
        )
        archive.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
        )
    return buffer.getvalue()


def child_data_files() -> dict[str, bytes]:
    """One file of each format holding a synthetic child's details: NHS number, DOB, mobile, postcode."""
    row = ["Oliver Sample", datetime.date(2015, 4, 3), 9990126704, "07700 900123", "SE15 3ZZ"]
    return {
        "cases.xlsx": make_xlsx([["Child", "DOB", "NHS number", "Mobile", "Postcode"], row]),
        "deck.pptx": make_pptx(["Strategy meetings"], notes="NHS 999 012 6704, mum's mobile 07700 900123"),
        "notes.odt": make_odt(["Chronology", "DOB 03/04/2015, lives at SE15 3ZZ"], header="NHS 999 012 6704"),
    }
