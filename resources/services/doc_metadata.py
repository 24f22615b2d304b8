"""Metadata hidden inside uploaded documents, where names of staff or families end up unseen.

Reads a DOCX's core properties (author, last modified by, and the free text of title, subject,
keywords, category and description), its comments (authors and text), its tracked changes
(authors and inserted or deleted text), and text the body reader does not reach (text boxes,
content controls, footnotes, endnotes); and a PDF's author, title, subject and keywords,
annotations (sticky notes), form fields and bookmarks. Every other part of a DOCX (custom
properties, parts nothing points at, link addresses, alternative text, embedded files) is read
by readers.hidden. The values are stored on the document for the
personal-data guard; they are never logged.
"""

import io
import zipfile
from typing import Any

from lxml import etree

from resources.services.readers.hidden import hidden_text
from resources.services.readers.zipped import ooxml_properties

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Parts are read whole, so cap them: a comments part bigger than this is not a real document's.
MAX_PART_BYTES = 20 * 1024 * 1024
MAX_TEXT = 100_000
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def docx_metadata(data: bytes) -> dict[str, Any]:
    """Author, last editor, comments and tracked changes of a DOCX (empty values left out)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        core = _xml(archive, "docProps/core.xml", names)
        comments = _xml(archive, "word/comments.xml", names)
        body = _xml(archive, "word/document.xml", names)
        notes = [_xml(archive, name, names) for name in ("word/footnotes.xml", "word/endnotes.xml")]
        found: dict[str, Any] = ooxml_properties(archive) if core is not None or names & _PROPERTY_PARTS else {}
        rest = hidden_text(archive, read=_DOCX_READ | _headers_and_footers_read(archive, body))
    hidden = [*_boxes_and_controls(body), *(note for note in notes if note is not None)]
    found["hidden_text"] = "\n".join(text for text in (_text(hidden, f"{W}t"), rest) if text)[:MAX_TEXT]
    if comments is not None:
        items = comments.findall(f"{W}comment")
        if items:
            found["comment_count"] = len(items)
            found["comment_authors"] = _distinct(item.get(f"{W}author") for item in items)
            found["comments_text"] = _text(items, f"{W}t")
    if body is not None:
        changes = [*body.iter(f"{W}ins"), *body.iter(f"{W}del")]
        if changes:
            found["revision_count"] = len(changes)
            found["revision_authors"] = _distinct(change.get(f"{W}author") for change in changes)
            found["revisions_text"] = _text(changes, f"{W}t", f"{W}delText")
    return {key: value for key, value in found.items() if value}


_PROPERTY_PARTS = {"docProps/custom.xml", "docProps/app.xml"}
# Parts the body reader and the readers above take in whole; every other part is read as hidden.
_DOCX_READ = {"word/document.xml", "word/comments.xml", "word/footnotes.xml", "word/endnotes.xml"}
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def _headers_and_footers_read(archive: zipfile.ZipFile, body: Any) -> set[str]:
    """The header and footer parts the document's sections use (the body reader reads those);
    one no section points at is hidden content."""
    if body is None:
        return set()
    ids = {ref.get(f"{R}id") for tag in ("headerReference", "footerReference") for ref in body.iter(f"{W}{tag}")}
    rels = _xml(archive, "word/_rels/document.xml.rels", set(archive.namelist()))
    if rels is None:
        return set()
    return {"word/" + rel.get("Target", "").lstrip("/").removeprefix("word/") for rel in rels if rel.get("Id") in ids}


def _boxes_and_controls(body: Any) -> list[Any]:
    """Text boxes and content controls: python-docx's paragraphs do not reach into either."""
    if body is None:
        return []
    return [*body.iter(f"{W}txbxContent"), *body.iter(f"{W}sdtContent")]


def pdf_metadata(reader: Any) -> dict[str, Any]:
    """Author, free-text properties, annotations and form-field values of a PDF (empty ones left out)."""
    info = reader.metadata
    found: dict[str, Any] = {}
    author = (info.author or "").strip() if info else ""
    if author:
        found["author"] = author[:200]
    if info:
        properties = [str(info.get(key) or "").strip() for key in ("/Title", "/Subject", "/Keywords")]
        found["properties_text"] = "\n".join(p for p in properties if p)[:MAX_TEXT]
    found["hidden_text"] = "\n".join([*_annotations(reader), *_form_values(reader), *_outline(reader)])[:MAX_TEXT]
    return {key: value for key, value in found.items() if value}


MAX_PDF_ANNOTATION_PAGES = 500


def _annotations(reader: Any) -> list[str]:
    texts = []
    for page in reader.pages[:MAX_PDF_ANNOTATION_PAGES]:
        for ref in page.get("/Annots") or []:
            annotation = ref.get_object()
            for key in ("/Contents", "/RC"):  # the note, not its author (staff, reported as names elsewhere)
                value = annotation.get(key)
                if value:
                    texts.append(str(value))
    return texts


MAX_OUTLINE_ITEMS = 5000


def _outline(reader: Any) -> list[str]:
    """The titles of a PDF's bookmarks (its outline), nested ones too: shown beside the pages, not on them."""
    titles: list[str] = []
    stack = [reader.outline]
    while stack and len(titles) < MAX_OUTLINE_ITEMS:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif item is not None and item.get("/Title"):
            titles.append(str(item.get("/Title")))
    return titles


def _form_values(reader: Any) -> list[str]:
    fields = reader.get_fields() or {}
    return [f"{name}: {field.get('/V')}" for name, field in fields.items() if field.get("/V") not in (None, "")]


def _xml(archive: zipfile.ZipFile, name: str, names: set[str]) -> Any:
    if name not in names or archive.getinfo(name).file_size > MAX_PART_BYTES:
        return None
    try:
        return etree.fromstring(archive.read(name), parser=_PARSER)
    except etree.XMLSyntaxError:
        return None


def _distinct(values: Any) -> list[str]:
    return sorted({value.strip()[:200] for value in values if value and value.strip()})


def _text(elements: list[Any], *tags: str) -> str:
    parts = [node.text or "" for element in elements for tag in tags for node in element.iter(tag)]
    return " ".join(" ".join(parts).split())[:MAX_TEXT]
