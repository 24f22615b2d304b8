"""Content a reader's desktop software would act on, in files that are otherwise what they claim.

Downloads are sandboxed in the browser, but a publisher's reader opens them in Word, Excel or a
PDF reader, which follow what the browser never runs:
- PDF: links to ``javascript:`` (and other script or local-file schemes), and HTML hidden outside
  the PDF's streams (a PDF+HTML polyglot a browser would render as a page);
- Office: remote templates and other external parts fetched on opening (attachedTemplate, frames,
  OLE objects, subdocuments), and DDE fields, which start programs;
- Text (CSV and tab-separated): formulas, neutralised or refused in uploads.text_files.
"""

import html
import re
import zipfile
from typing import BinaryIO

from uploads.refusals import UploadRefused
from uploads.text_files import ACTIVE_FORMULA
from uploads.word_fields import EXTERNAL_FIELD_REASON as _EXTERNAL_FIELD_REASON
from uploads.word_fields import check_word_fields

_SCRIPT_SCHEME = re.compile(rb"^(?:javascript|vbscript|data|file)\s*:", re.IGNORECASE)
# Literal strings and hex strings after /URI or /F (a link's target), outside streams.
_URI_VALUE = re.compile(rb"/(?:URI|F)\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)")
_STREAM_BODY = re.compile(rb"\bstream\r?\n.*?\bendstream\b", re.DOTALL)
_HTML = re.compile(
    rb"<\s*(?:!doctype\s+html|html|head|body|script|svg|iframe|object|embed|meta|style)[\s>/]", re.IGNORECASE
)

# Office relationship types fetched or run when the file opens (hyperlinks are followed only when clicked).
_EXTERNAL_ACTIVE = re.compile(
    rb"<Relationship\b(?=[^>]*TargetMode\s*=\s*[\"']External[\"'])(?=[^>]*Type\s*=\s*[\"'][^\"']*/"
    rb"(?:attachedTemplate|frame|oleObject|subDocument|externalLinkPath|package|control|image)[\"'])",
    re.IGNORECASE,
)
_DDE = re.compile(
    rb"(?:<w:instrText\b[^>]*>\s*\"?\s*DDE|w:instr\s*=\s*[\"']\s*DDE|<ddeLink\b|<text:dde-connection)", re.IGNORECASE
)
_XML_PART = re.compile(r"\.(?:xml|rels)$", re.IGNORECASE)
# A cell formula or a defined name's formula in a workbook (any namespace prefix).
_SHEET_FORMULA = re.compile(rb"<(?:\w+:)?(?:f|definedName)\b[^>]*>([^<]{0,8192})<")
# An OpenDocument section whose content is read from another file or site when opened.
_ODF_EXTERNAL_SECTION = re.compile(rb"<text:section-source\b[^>]*xlink:href", re.IGNORECASE)
_CHUNK = 1024 * 1024
_OVERLAP = 16 * 1024  # longer than any formula the pattern reads, so none is split unseen


def check_pdf_actions(data: bytes) -> None:
    """Refuse script links and HTML outside the PDF's streams (pypdf's walk checks the rest)."""
    outside = _STREAM_BODY.sub(b" ", data)
    for match in _URI_VALUE.finditer(outside):
        try:
            target = _pdf_string(match.group(1)).strip()
        except ValueError:
            continue  # not a string after all; pypdf's walk reads what the reader would
        if _SCRIPT_SCHEME.match(target):
            raise UploadRefused("pdf-javascript", "it has links that run scripts or open local files")
    if _HTML.search(outside):
        raise UploadRefused("polyglot", "it also contains web page markup, which a browser could run")


def check_uri(value: str) -> None:
    """A link target pypdf decoded from anywhere in the file (object streams included)."""
    if _SCRIPT_SCHEME.match(value.strip().encode("latin-1", "replace")):
        raise UploadRefused("pdf-javascript", "it has links that run scripts or open local files")


def check_office(handle: BinaryIO) -> None:
    """Refuse external parts fetched on opening, DDE and include fields, and spreadsheet formulas
    that fetch or run something, reading each XML part in chunks (Word's fields as a stream)."""
    handle.seek(0)
    try:
        with zipfile.ZipFile(handle) as archive:
            for member in archive.infolist():
                if _XML_PART.search(member.filename):
                    _scan_part(archive, member)
                    if member.filename.startswith("word/") and member.filename.endswith(".xml"):
                        check_word_fields(archive, member)
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise UploadRefused("damaged", "it is a damaged or unreadable zip-based file") from None
    finally:
        handle.seek(0)


def _scan_part(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    is_rels = member.filename.lower().endswith(".rels")
    is_sheet = member.filename.startswith("xl/")
    tail = b""
    with archive.open(member) as part:
        for chunk in iter(lambda: part.read(_CHUNK), b""):
            window = tail + chunk
            if is_rels and _EXTERNAL_ACTIVE.search(window):
                raise UploadRefused("remote-template", "it loads a template or content from another site when opened")
            if _DDE.search(window):
                raise UploadRefused("dde", "it contains DDE fields, which can start programs when opened")
            if _ODF_EXTERNAL_SECTION.search(window):
                raise UploadRefused("external-field", _EXTERNAL_FIELD_REASON)
            if is_sheet:
                _check_sheet_formulas(window)
            tail = window[-_OVERLAP:]


def _check_sheet_formulas(window: bytes) -> None:
    for match in _SHEET_FORMULA.finditer(window):
        formula = html.unescape(match.group(1).decode("utf-8", "replace"))
        if ACTIVE_FORMULA.search(formula):
            raise UploadRefused(
                "formula",
                "it has formulas that open web addresses or start programs when the workbook is opened or "
                "recalculated (HYPERLINK, WEBSERVICE, DDE and the like); "
                "paste those cells as values and upload it again",
            )


def _pdf_string(token: bytes) -> bytes:
    """A PDF literal (…) or hex <…> string's bytes, escapes resolved enough to read a scheme."""
    if token.startswith(b"<"):
        digits = re.sub(rb"\s", b"", token[1:-1])
        return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode())
    body = token[1:-1]
    body = re.sub(rb"\\([0-7]{1,3})", lambda m: bytes([int(m.group(1), 8) & 0xFF]), body)
    return re.sub(rb"\\(.)", rb"\1", body)
