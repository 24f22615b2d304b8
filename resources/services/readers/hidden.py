"""What an office file (DOCX, XLSX, PPTX) holds beyond the text its reader shows: custom
properties, parts nothing in the document points at, link addresses, alternative text,
document variables, a spreadsheet's headers and footers, defined names, data-validation lists
and sheet names, and files embedded in it (a workbook inside a Word document), read in turn.

An attacker, or a busy editor, leaves a child's details in any of these; none shows on the
page, but every one is in the file anyone can download.
"""

import contextvars
import io
import re
import zipfile
from typing import Any
from urllib.parse import unquote_plus

from .zipped import MAX_PART_BYTES, MAX_TEXT, part

# Formatting parts: fonts, styles, themes and settings hold no one's details.
_FORMATTING = re.compile(
    r"(?:^|/)(?:styles|stylesWithEffects|fontTable|webSettings|numbering|presProps|viewProps|tableStyles"
    r"|calcChain|\[Content_Types\])\.xml$|/theme/|/printerSettings/"
)
# Elements of parts the readers do read whose text they leave out.
_HIDDEN_ELEMENTS = {"headerFooter", "dataValidation", "definedName"}
_HIDDEN_ATTRIBUTES = ("descr", "title", "prompt", "promptTitle", "error", "errorTitle")
# Header and footer codes: "&L", "&\"Arial,Bold\"", "&14", "&K00FF00" would glue to the words.
_HEADER_CODES = re.compile(r'&(?:"[^"]{0,60}"|K[0-9A-Fa-f]{6}|\d{1,3}|[A-Za-z&])')
_EMBEDDED = re.compile(r"/embeddings/|/oleObject|\.bin$")
_PRINTABLE = re.compile(rb"[\x20-\x7e]{4,}|(?:[\x20-\x7e]\x00){4,}")
MAX_PARTS = 1000
MAX_DEPTH = 2  # a document inside a document inside a document is read; deeper is not
_depth: contextvars.ContextVar[int] = contextvars.ContextVar("embedded_depth", default=0)


def hidden_text(archive: zipfile.ZipFile, read: set[str]) -> str:
    """The text of ``archive`` outside the parts named in ``read`` (already read whole), plus
    what those parts hide in attributes and elements their readers skip."""
    lines: list[str] = []
    for info in archive.infolist()[:MAX_PARTS]:
        name = info.filename
        # docProps: read whole as the file's properties (readers.zipped.ooxml_properties).
        if info.file_size > MAX_PART_BYTES or _FORMATTING.search(name) or name.startswith("docProps/"):
            continue
        if _EMBEDDED.search(name) and not name.endswith((".xml", ".rels")):
            lines += _embedded(archive.read(name), name)
        elif name.endswith(".rels"):
            lines += _external_targets(part(archive, name))
        elif name.endswith((".xml", ".vml")):
            root = part(archive, name)
            if root is not None:
                lines += _attributes(root)
                lines += _elements_skipped(root) if name in read else _text(root)
    text = "\n".join(" ".join(line.split()) for line in lines if line and line.strip())
    return text[:MAX_TEXT]


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(root: Any) -> list[str]:
    """One line per paragraph where the part has paragraphs (runs rejoined), else per text node."""
    paragraphs = [el for el in root.iter() if _local(el.tag) == "p"]
    if paragraphs:
        lines = ["".join(node.text or "" for node in p.iter() if _local(node.tag) == "t") for p in paragraphs]
        inside = {id(node) for p in paragraphs for node in p.iter()}
        lines += [el.text for el in root.iter() if id(el) not in inside and el.text and el.text.strip()]
        return [_HEADER_CODES.sub(" ", line) for line in lines]
    return [_HEADER_CODES.sub(" ", el.text) for el in root.iter() if el.text and el.text.strip()]


def _elements_skipped(root: Any) -> list[str]:
    found = [el for el in root.iter() if _local(el.tag) in _HIDDEN_ELEMENTS]
    return [_HEADER_CODES.sub(" ", " ".join(el.itertext())) for el in found]


def _attributes(root: Any) -> list[str]:
    """Alternative text and prompts, sheet and defined names, document variables."""
    lines = []
    for el in root.iter():
        local = _local(el.tag)
        for key, value in el.attrib.items():
            attribute = _local(key)
            if (
                attribute in _HIDDEN_ATTRIBUTES
                or (attribute == "name" and local in {"sheet", "definedName", "docVar", "property"})
                or (attribute == "val" and local == "docVar")
            ):
                lines.append(value.replace("_", " "))
    return lines


def _external_targets(root: Any) -> list[str]:
    """Link addresses (hyperlinks, linked files): a maps link or a mailto holds an address."""
    if root is None:
        return []
    return [
        unquote_plus(el.get("Target", ""))
        for el in root.iter()
        if _local(el.tag) == "Relationship" and el.get("TargetMode") == "External"
    ]


def _embedded(data: bytes, name: str) -> list[str]:
    """An embedded file: read as its kind if it is an office file or a PDF; otherwise its strings."""
    if _depth.get() >= MAX_DEPTH:
        return []
    start = data.find(b"PK\x03\x04")  # an OLE "package" wraps the office file it embeds
    kind = _office_kind(data[start:]) if start >= 0 else None
    if kind is None and data.startswith(b"%PDF"):
        kind = "pdf"
    if kind is None:
        return [_decoded_strings(m.group()) for m in _PRINTABLE.finditer(data[:MAX_PART_BYTES])]
    from resources.services.extraction import extract_text  # it imports the readers

    token = _depth.set(_depth.get() + 1)
    try:
        result = extract_text(io.BytesIO(data[start:] if kind != "pdf" else data), kind)
    finally:
        _depth.reset(token)
    metadata = result.metadata or {}
    keys = ("properties_text", "hidden_text", "comments_text", "revisions_text")
    return [result.text, *(str(metadata.get(key) or "") for key in keys)]


def _office_kind(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    for kind, marker in (("docx", "word/document.xml"), ("xlsx", "xl/workbook.xml"), ("pptx", "ppt/presentation.xml")):
        if marker in names:
            return kind
    return "odt" if "content.xml" in names else None


def _decoded_strings(raw: bytes) -> str:
    return raw.decode("utf-16-le" if b"\x00" in raw else "ascii", errors="replace")
