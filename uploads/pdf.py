"""PDF content a reader could act on: JavaScript, launch actions, embedded files, encryption.

Two looks: pypdf walks every object (including those packed in compressed object
streams), and a raw scan of the bytes catches what a damaged file hides from the parser.
A file pypdf cannot read that has streams is refused, since its content cannot be checked.
"""

import logging
import re
from typing import Any, BinaryIO

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from uploads.active_content import check_pdf_actions, check_uri
from uploads.refusals import UploadRefused

logger = logging.getLogger(__name__)

# PDF names (without the slash) and why each is refused.
_REFUSED_NAMES = {
    "JavaScript": ("pdf-javascript", "it contains JavaScript"),
    "JS": ("pdf-javascript", "it contains JavaScript"),
    "XFA": ("pdf-javascript", "it contains an XFA form, which can run scripts"),
    "Launch": ("pdf-launch", "it contains a launch action, which can start programs"),
    "EmbeddedFile": ("pdf-embedded-file", "it has files embedded in it"),
    "EmbeddedFiles": ("pdf-embedded-file", "it has files embedded in it"),
    "RichMedia": ("pdf-embedded-file", "it contains embedded media, which can run code"),
    "Encrypt": ("pdf-encrypted", "it is encrypted or password-protected, so it cannot be checked"),
}
_NAME = re.compile(rb"/([A-Za-z0-9#]+)")
_HEX_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
# Stream bodies are compressed binary where "/JS" turns up by chance; pypdf reads those.
_STREAM_BODY = re.compile(rb"\bstream\r?\n.*?\bendstream\b", re.DOTALL)
# A hostile file can nest dictionaries deeply or hold millions of objects.
_MAX_OBJECTS = 200_000
_MAX_DEPTH = 50


def check_pdf(handle: BinaryIO) -> None:
    """Raise UploadRefused if the PDF has active content or cannot be checked; return if it is clean."""
    handle.seek(0)
    data = handle.read()
    handle.seek(0)
    _raw_scan(data)
    check_pdf_actions(data)
    try:
        reader = PdfReader(handle, strict=False)
        if reader.is_encrypted:
            _refuse("Encrypt")
        _walk(reader)
    except UploadRefused:
        raise
    except (PdfReadError, PyPdfError, ValueError, TypeError, KeyError, AttributeError, RecursionError) as error:
        # A file with no streams has nothing the raw scan could have missed.
        if b"stream" in data:
            logger.info("PDF could not be parsed for checking: %s", type(error).__name__)
            raise UploadRefused("damaged", "it is a damaged PDF whose content cannot be checked") from None
    finally:
        handle.seek(0)


def _refuse(name: str) -> None:
    code, reason = _REFUSED_NAMES[name]
    raise UploadRefused(code, reason)


def _raw_scan(data: bytes) -> None:
    for match in _NAME.finditer(_STREAM_BODY.sub(b" ", data)):
        # Names may spell letters as #xx escapes (/J#61vaScript) to slip past naive scans.
        name = _HEX_ESCAPE.sub(lambda m: bytes.fromhex(m.group(1).decode()), match.group(1))
        decoded = name.decode("latin-1")
        if decoded in _REFUSED_NAMES:
            _refuse(decoded)


def _walk(reader: PdfReader) -> None:
    """Every indirect object in the file, wherever it is stored, and everything inside it."""
    numbers = {(num, gen) for gen, table in reader.xref.items() for num in table}
    numbers |= {(num, 0) for num in reader.xref_objStm}
    if len(numbers) > _MAX_OBJECTS:
        raise UploadRefused("damaged", "it has too many objects to check")
    for num, gen in sorted(numbers):
        _inspect(reader.get_object(IndirectObject(num, gen, reader)), 0)


def _inspect(value: Any, depth: int) -> None:
    if depth > _MAX_DEPTH:
        raise UploadRefused("damaged", "it is nested too deeply to check")
    if isinstance(value, DictionaryObject):
        for key, item in value.items():
            if key.lstrip("/") in _REFUSED_NAMES:
                _refuse(key.lstrip("/"))
            if key in ("/S", "/Type", "/Subtype") and str(item).lstrip("/") in _REFUSED_NAMES:
                _refuse(str(item).lstrip("/"))
            if key == "/URI" and not isinstance(item, IndirectObject):
                check_uri(str(item))
            if key == "/OpenAction" and not isinstance(item.get_object(), ArrayObject):
                _check_automatic(item, depth)  # an array is a place to open at, not an action
            elif key == "/AA":
                for action in item.get_object().values():
                    _check_automatic(action, depth)
            if not isinstance(item, IndirectObject):
                _inspect(item, depth + 1)
    elif isinstance(value, ArrayObject):
        for item in value:
            if not isinstance(item, IndirectObject):
                _inspect(item, depth + 1)


# Actions that leave the document, when a reader runs them unasked (on opening, on a page or field).
_AUTOMATIC_REFUSED = {"/URI", "/Launch", "/JavaScript", "/SubmitForm", "/ImportData", "/GoToR", "/GoToE", "/Rendition"}


def _check_automatic(action: Any, depth: int) -> None:
    """An /OpenAction or additional action (/AA), and every action chained after it with /Next."""
    if depth > _MAX_DEPTH:
        raise UploadRefused("damaged", "it is nested too deeply to check")
    action = action.get_object()
    if isinstance(action, ArrayObject):  # /Next may list several actions
        for item in action:
            _check_automatic(item, depth + 1)
        return
    if not isinstance(action, DictionaryObject):
        return
    kind = str(action.get("/S", ""))
    if kind.lstrip("/") in _REFUSED_NAMES:
        _refuse(kind.lstrip("/"))  # JavaScript and launch actions are refused wherever they are
    if kind in _AUTOMATIC_REFUSED:
        raise UploadRefused(
            "pdf-auto-action",
            "it is set to open a web address or another file, or run an action, by itself when it is opened; "
            "save it again without that (for example with 'Print to PDF') and upload it again",
        )
    if "/Next" in action:
        _check_automatic(action["/Next"], depth + 1)
