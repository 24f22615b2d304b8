"""Generate the demo attachments (PDF and DOCX) from ``attachments.ATTACHMENTS``.

The files are generated rather than stored in the repository so that their
text lives in one reviewable place and cannot drift from the search tests
that rely on it. Output is byte-for-byte identical on every run: the demo
loader can then tell a changed file from an unchanged one by its hash, and
repeated imports do not create new document versions for nothing.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.document import Document as DocxDocument
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .attachments import ATTACHMENTS

__all__ = ["write_attachments"]

PUBLISHER = "London Practice Exchange"
STRAPLINE = "London Practice Exchange - demonstration resource"
# A fixed instant for every timestamp inside the files, so output never
# depends on the clock.
FIXED_DATETIME = datetime.datetime(2024, 1, 1, 0, 0, 0, tzinfo=datetime.UTC)
ZIP_DATE_TIME = (2024, 1, 1, 0, 0, 0)

MARGIN = 2 * cm
FRAME_WIDTH = A4[0] - 2 * MARGIN
# Width weight of a column left blank for writing, against 20-60 for a column of text.
EMPTY_COLUMN_WEIGHT = 35

_STYLES = {
    "title": ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=18, leading=22, spaceAfter=4),
    "strapline": ParagraphStyle("strapline", fontName="Helvetica-Oblique", fontSize=9, leading=12, spaceAfter=14),
    # keepWithNext stops a heading being stranded at the foot of a page.
    "heading": ParagraphStyle(
        "heading", fontName="Helvetica-Bold", fontSize=13, leading=16, spaceBefore=10, spaceAfter=6, keepWithNext=1
    ),
    "body": ParagraphStyle("body", fontName="Helvetica", fontSize=10.5, leading=14, spaceAfter=6),
    "cell": ParagraphStyle("cell", fontName="Helvetica", fontSize=9.5, leading=12),
    "cell_head": ParagraphStyle("cell_head", fontName="Helvetica-Bold", fontSize=9.5, leading=12),
}


def write_attachments(folder: Path) -> list[Path]:
    """Write every attachment into ``folder/files/`` and return the paths.

    ``resources.json`` refers to attachments as ``files/<name>`` relative to
    itself, so passing the folder that holds (a copy of) the JSON makes the
    references resolve.
    """
    target = Path(folder) / "files"
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name in sorted(ATTACHMENTS):
        path = target / name
        _writer_for(name)(path, ATTACHMENTS[name])
        written.append(path)
    return written


def _writer_for(name: str) -> Callable[[Path, dict], None]:
    """Pick the writer from the extension; an unknown one is a content bug."""
    writers = {".pdf": write_pdf, ".docx": write_docx}
    suffix = Path(name).suffix.lower()
    if suffix not in writers:
        raise ValueError(f"No writer for attachment {name!r}; use .pdf or .docx")
    return writers[suffix]


# --- PDF -----------------------------------------------------------------


def write_pdf(path: Path, spec: dict) -> None:
    """Render a spec as a simple A4 PDF with bold headings and page numbers.

    ``invariant=1`` removes the creation date and random document ID that
    reportlab otherwise embeds, which is what makes the bytes repeatable.
    """
    document = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        invariant=1,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=spec["title"],
        author=PUBLISHER,
        creator=PUBLISHER,
        subject=STRAPLINE,
    )
    document.build(_pdf_story(spec), onFirstPage=_draw_footer, onLaterPages=_draw_footer)


def _pdf_story(spec: dict) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph(escape(spec["title"]), _STYLES["title"]),
        Paragraph(escape(STRAPLINE), _STYLES["strapline"]),
    ]
    for section in spec["sections"]:
        story.append(Paragraph(escape(section["heading"]), _STYLES["heading"]))
        story.extend(Paragraph(escape(text), _STYLES["body"]) for text in section["paragraphs"])
        if "table" in section:
            story.append(_pdf_table(section["table"]))
            story.append(Spacer(1, 6))
    return story


def _pdf_table(table: dict) -> Table:
    """A full-width grid whose cells wrap, with room to write in empty rows."""
    columns = table["columns"]
    header = [Paragraph(escape(text), _STYLES["cell_head"]) for text in columns]
    body = [[Paragraph(escape(text), _STYLES["cell"]) for text in row] for row in table["rows"]]
    widths = _column_widths(columns, table["rows"])
    # Rows with a blank cell are for writing in, so they get extra height.
    writing_space = [
        ("BOTTOMPADDING", (0, number), (-1, number), 14)
        for number, row in enumerate(table["rows"], start=1)
        if not all(row)
    ]
    grid = Table([header, *body], colWidths=widths, repeatRows=1)
    grid.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E6E6E6")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                *writing_space,
            ]
        )
    )
    return grid


def _column_widths(columns: list[str], rows: list[list[str]]) -> list[float]:
    """Share the width by how much each column holds, keeping empty columns wide enough to write in."""
    weights = []
    for index, header in enumerate(columns):
        cells = [row[index] for row in rows]
        longest = max(len(text) for text in [header, *cells])
        weights.append(EMPTY_COLUMN_WEIGHT if not any(cells) else min(max(longest, 20), 60))
    total = sum(weights)
    return [FRAME_WIDTH * weight / total for weight in weights]


def _draw_footer(canvas: Canvas, document: SimpleDocTemplate) -> None:
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.drawString(MARGIN, MARGIN / 2, PUBLISHER)
    canvas.drawRightString(A4[0] - MARGIN, MARGIN / 2, f"Page {document.page}")
    canvas.restoreState()


# --- DOCX ----------------------------------------------------------------


def write_docx(path: Path, spec: dict) -> None:
    """Render a spec as a Word document, then make its bytes repeatable.

    python-docx writes the current time into the zip entries, so the saved
    package is rewritten with fixed timestamps and a fixed entry order.
    """
    document = docx.Document()
    _set_core_properties(document, spec["title"])
    document.add_heading(spec["title"], level=0)
    document.add_paragraph(STRAPLINE).runs[0].italic = True
    for section in spec["sections"]:
        document.add_heading(section["heading"], level=1)
        for text in section["paragraphs"]:
            document.add_paragraph(text)
        if "table" in section:
            _docx_table(document, section["table"])
    buffer = io.BytesIO()
    document.save(buffer)
    Path(path).write_bytes(normalise_zip(buffer.getvalue()))


def _set_core_properties(document: DocxDocument, title: str) -> None:
    """Replace python-docx's template metadata; it must name no person."""
    properties = document.core_properties
    properties.author = PUBLISHER
    properties.last_modified_by = PUBLISHER
    properties.created = FIXED_DATETIME
    properties.modified = FIXED_DATETIME
    properties.revision = 1
    properties.title = title
    properties.subject = STRAPLINE
    properties.comments = ""
    properties.keywords = ""


def _docx_table(document: DocxDocument, table: dict) -> None:
    columns = table["columns"]
    grid = document.add_table(rows=1, cols=len(columns))
    grid.style = "Table Grid"
    for cell, text in zip(grid.rows[0].cells, columns, strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    for row in table["rows"]:
        for cell, text in zip(grid.add_row().cells, row, strict=True):
            cell.text = text
    document.add_paragraph()


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip package with fixed timestamps, attributes and order.

    ``[Content_Types].xml`` goes first, as Office expects; the rest follow in
    name order so the layout never depends on how the writer iterated.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = {name: source.read(name) for name in source.namelist()}
    order = sorted(entries, key=lambda name: (name != "[Content_Types].xml", name))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            target.writestr(info, entries[name])
    return output.getvalue()
