"""What a file really is, decided from its bytes; the name only has to agree.

Binary formats are recognised by their signatures. Zip containers are opened (central
directory only) by uploads.containers to tell a Word document from a macro-enabled one or
a plain archive. For anything refused, puremagic names the content in the message.
"""

import re
from dataclasses import dataclass
from typing import BinaryIO

import puremagic

from uploads.containers import inspect_zip
from uploads.refusals import UploadRefused
from uploads.text_files import decode_text, looks_like_utf16

# How many bytes are enough to recognise a signature or a markup opening.
HEAD_BYTES = 64 * 1024


@dataclass(frozen=True)
class Kind:
    """An accepted format: its name for people and the extensions a file of it may carry."""

    name: str
    extensions: tuple[str, ...]


PDF = Kind("a PDF", ("pdf",))
DOCX = Kind("a Word document", ("docx",))
XLSX = Kind("an Excel workbook", ("xlsx",))
PPTX = Kind("a PowerPoint presentation", ("pptx",))
ODT = Kind("an OpenDocument text", ("odt",))
TEXT = Kind("plain text", ("txt", "csv"))
PNG = Kind("a PNG image", ("png",))
JPEG = Kind("a JPEG image", ("jpg", "jpeg"))

_SIGNATURES: tuple[tuple[bytes, Kind], ...] = (
    (b"%PDF-", PDF),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
)

# Content refused whatever it is called, with what it is in words a publisher understands.
_DANGEROUS: tuple[tuple[bytes, str, str], ...] = (
    (b"MZ", "executable", "a Windows program"),
    (b"\x7fELF", "executable", "a Linux program"),
    (b"\xcf\xfa\xed\xfe", "executable", "a macOS program"),
    (b"\xca\xfe\xba\xbe", "executable", "a macOS or Java program"),
    (b"#!", "executable", "a script"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "legacy-office",
        "an old-style Office file (.doc, .xls, .ppt): these hide macros",
    ),
    (b"\x1f\x8b", "archive", "a compressed archive (gzip)"),
    (b"7z\xbc\xaf\x27\x1c", "archive", "a compressed archive (7-Zip)"),
    (b"Rar!\x1a\x07", "archive", "a compressed archive (RAR)"),
    (b"BZh", "archive", "a compressed archive (bzip2)"),
    (b"\xfd7zXZ\x00", "archive", "a compressed archive (xz)"),
)

# Markup a browser or viewer would run, refused even inside a .txt or .csv file.
_MARKUP = re.compile(
    rb"<\s*(?:!doctype\s+html|html|head|body|script|svg|iframe|object|embed|meta|link|style|\?xml)\b",
    re.IGNORECASE,
)
# Text may hold tabs, line breaks and form feeds, never other control characters.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def detect_kind(handle: BinaryIO, size: int) -> Kind:
    """The accepted format this content is, or UploadRefused saying what it is instead."""
    handle.seek(0)
    head = handle.read(HEAD_BYTES)
    handle.seek(0)
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    if head.startswith(b"PK\x03\x04"):
        return {"docx": DOCX, "xlsx": XLSX, "pptx": PPTX, "odt": ODT}[inspect_zip(handle, size)]
    for signature, code, description in _DANGEROUS:
        if head.startswith(signature):
            raise UploadRefused(code, f"its content is {description}, which the exchange does not accept")
    if b"%PDF-" in head[:1024]:
        # Readers accept a PDF header after junk; a file that hides it is not one we publish.
        raise UploadRefused("disguised-pdf", "it has data before its PDF header, which can hide other content")
    return _text_kind(handle, head)


def _text_kind(handle: BinaryIO, head: bytes) -> Kind:
    if _MARKUP.search(head):
        described = _describe(head, "web page or SVG markup")
        raise UploadRefused("markup", f"its content is {described}, which could run code")
    data = handle.read()
    handle.seek(0)
    # Read as text first (UTF-8, UTF-16 with its mark, Windows-1252): the checks below then see
    # characters, so UTF-16 markup or controls are found too, and a Latin-1 CSV is not called binary.
    if b"\x00" in data and not looks_like_utf16(data):
        raise UploadRefused("unknown-type", f"its content is {_describe(head, 'not plain text')}")
    text, _encoding = decode_text(data)
    if _CONTROL.search(text):
        raise UploadRefused(
            "unknown-type",
            f"its content is {_describe(head, 'not plain text')}: it has characters text files do not; "
            "if it is a table or text, save it as UTF-8 text (in Excel: Save As, then 'CSV UTF-8') and upload it again",
        )
    if not text.strip():
        raise UploadRefused("empty", "it has no text in it")
    if _MARKUP.search(text.encode("utf-8")):
        raise UploadRefused("markup", "it contains web page or SVG markup, which could run code")
    return TEXT


def _describe(head: bytes, fallback: str) -> str:
    """puremagic's best name for refused content, in a form that fits a sentence."""
    try:
        match = puremagic.magic_string(head)[0]
    except (puremagic.PureError, IndexError, ValueError):
        return fallback
    return f"{match.name or fallback} ({match.extension})" if match.extension else fallback
