"""Synthetic files for the upload checks, built in memory (no personal data, nothing real)."""

import io
import struct
import zipfile
import zlib

import docx
from PIL import Image
from pypdf import PdfWriter
from pypdf.actions import JavaScript
from pypdf.generic import DictionaryObject, NameObject, TextStringObject
from reportlab.pdfgen import canvas

# Kept in step with scripts/clamd.sh, which builds the signatures for these two.
EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
MARKER = b"PRACTICE-EXCHANGE-TEST-SIGNATURE-3f9c1a"

_CT_HEAD = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
MAIN_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
    "docm": "application/vnd.ms-word.document.macroEnabled.main+xml",
    "xlsm": "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
}


def pdf(text: str = "Strategy meeting checklist (synthetic)") -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawString(72, 720, text)
    page.save()
    return out.getvalue()


def _writer() -> PdfWriter:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    return writer


def _written(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_with_javascript() -> bytes:
    writer = _writer()
    writer.add_open_action(JavaScript("app.alert('synthetic');"))
    return _written(writer)


def pdf_with_launch_action() -> bytes:
    writer = _writer()
    action = DictionaryObject({NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("calc.exe")})
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)
    return _written(writer)


def pdf_with_embedded_file() -> bytes:
    writer = _writer()
    writer.add_attachment("notes.txt", b"synthetic attachment")
    return _written(writer)


def pdf_encrypted() -> bytes:
    writer = _writer()
    writer.encrypt(user_password="", owner_password="synthetic-owner")
    return _written(writer)


def pdf_with_hex_escaped_javascript() -> bytes:
    """A hand-written PDF spelling /JavaScript as /J#61vaScript, with no valid xref."""
    return (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >> >> endobj\n"
        b"trailer << /Root 1 0 R >>\n%%EOF\n"
    )


def docx_file() -> bytes:
    document = docx.Document()
    document.add_paragraph("Core group agenda (synthetic).")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def office_zip(kind: str, extra_parts: dict[str, bytes] | None = None) -> bytes:
    """A minimal OOXML package whose main part has ``kind``'s content type."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            f'{_CT_HEAD}<Override PartName="/main.xml" ContentType="{MAIN_TYPES[kind]}"/></Types>',
        )
        archive.writestr("main.xml", "<root/>")
        for name, data in (extra_parts or {}).items():
            archive.writestr(name, data)
    return out.getvalue()


def odt_file(mimetype: str = "application/vnd.oasis.opendocument.text", extra: dict[str, bytes] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<office:document-content/>")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return out.getvalue()


def plain_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "synthetic")
    return out.getvalue()


def zip_bomb(uncompressed_mb: int) -> bytes:
    """A docx-shaped zip with one part of zeros that deflates to almost nothing."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml", f'{_CT_HEAD}<Override PartName="/m" ContentType="{MAIN_TYPES["docx"]}"/></Types>'
        )
        with archive.open("word/zeros.xml", "w", force_zip64=True) as part:
            chunk = b"\x00" * (1024 * 1024)
            for _ in range(uncompressed_mb):
                part.write(chunk)
    return out.getvalue()


def many_parts(count: int) -> bytes:
    return office_zip("docx", {f"word/part{n}.xml": b"<p/>" for n in range(count)})


def image(fmt: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), (0, 94, 165)).save(out, format=fmt)
    return out.getvalue()


SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
EXE = b"MZ\x90\x00" + b"\x00" * 200
ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 100
GZIP = b"\x1f\x8b\x08\x00" + b"\x00" * 20
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100
CSV = b"stage,tool\nstrategy discussion,checklist\n"
TEXT = b"Notes from a practice workshop on scaling questions (synthetic).\n"


def pdf_with_javascript_in_object_stream() -> bytes:
    """JavaScript inside a compressed object stream, found only by parsing (PDF 1.5 xref stream)."""
    action = b"<< /S /JavaScript /JS (app.alert(1)) >>"
    header = b"4 0 "
    packed = zlib.compress(header + action)
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
        2: b"<< /Type /Pages /Kids [] /Count 0 >>",
        3: b"<< /Type /ObjStm /N 1 /First %d /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream"
        % (len(header), len(packed), packed),
    }
    out = bytearray(b"%PDF-1.5\n")
    offsets = {}
    for number, body in objects.items():
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    offsets[5] = len(out)
    rows = [struct.pack(">BIH", 0, 0, 65535)]
    rows += [struct.pack(">BIH", 1, offsets[n], 0) for n in (1, 2, 3)]
    rows += [struct.pack(">BIH", 2, 3, 0), struct.pack(">BIH", 1, offsets[5], 0)]
    table = b"".join(rows)
    out += b"5 0 obj\n<< /Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n%s\nendstream\nendobj\n" % (
        len(table),
        table,
    )
    out += b"startxref\n%d\n%%%%EOF\n" % offsets[5]
    return bytes(out)
