"""Metadata hidden inside uploaded documents, where names of staff or families end up unseen.

Reads a DOCX's core properties (author, last modified by), its comments (authors and text)
and its tracked changes (authors and inserted or deleted text), and a PDF's author. The
values are stored on the document for the personal-data guard; they are never logged.
"""

import io
import zipfile
from typing import Any

from lxml import etree

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
    found: dict[str, Any] = {}
    if core is not None:
        for tag, key in (
            ("{http://purl.org/dc/elements/1.1/}creator", "author"),
            (
                "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}lastModifiedBy",
                "last_modified_by",
            ),
        ):
            element = core.find(tag)
            if element is not None and (element.text or "").strip():
                found[key] = element.text.strip()[:200]
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


def pdf_metadata(reader: Any) -> dict[str, Any]:
    """The author recorded in a PDF's document information, if any."""
    info = reader.metadata
    author = (info.author or "").strip() if info else ""
    return {"author": author[:200]} if author else {}


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
