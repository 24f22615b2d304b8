"""Reading the XML parts of zipped office files (OOXML and OpenDocument) safely.

Uploads are untrusted: parts are read only up to a size cap, with entity resolution and
network access off, and an archive whose parts unpack to more than a bound is refused.
"""

import io
import zipfile
from collections.abc import Iterable
from typing import Any

from lxml import etree

MAX_PART_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_TEXT = 1_000_000
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)

DC = "{http://purl.org/dc/elements/1.1/}"
CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
DCTERMS = "{http://purl.org/dc/terms/}"


class TooLarge(Exception):
    """The archive unpacks to more than MAX_UNPACKED_BYTES: a zip bomb, not a document."""


def open_archive(data: bytes) -> zipfile.ZipFile:
    archive = zipfile.ZipFile(io.BytesIO(data))
    # zipfile never unpacks more than a member's declared size, so the declared total is a safe bound.
    if sum(member.file_size for member in archive.infolist()) > MAX_UNPACKED_BYTES:
        raise TooLarge
    return archive


def part(archive: zipfile.ZipFile, name: str) -> Any:
    """The parsed XML of one part, or None if it is missing, too big or not XML."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        return None
    try:
        return etree.fromstring(archive.read(name), parser=_PARSER)
    except etree.XMLSyntaxError:
        return None


def parts_matching(archive: zipfile.ZipFile, prefix: str, suffix: str = ".xml") -> list[Any]:
    """Every parsed part whose name starts with ``prefix``, in name order (slide1, slide2 …)."""
    names = sorted(
        (n for n in archive.namelist() if n.startswith(prefix) and n.endswith(suffix)),
        key=lambda n: (len(n), n),
    )
    return [root for root in (part(archive, n) for n in names) if root is not None]


def paragraphs(root: Any, paragraph_tag: str, text_tag: str) -> list[str]:
    """The text of each paragraph element under ``root``, one string per paragraph."""
    return ["".join(node.text or "" for node in para.iter(text_tag)) for para in root.iter(paragraph_tag)]


def all_text(roots: Iterable[Any]) -> str:
    """Every text node under each root, one line per root: runs split mid-number ("999 0" "12 6704") rejoin."""
    lines = [" ".join("".join(root.itertext()).split()) for root in roots]
    return "\n".join(line for line in lines if line)[:MAX_TEXT]


def ooxml_properties(archive: zipfile.ZipFile) -> dict[str, Any]:
    """Author, last editor, the free-text core properties, the custom properties ("Child name:
    …") and the company and manager of an OOXML file (Word, Excel, PowerPoint)."""
    core = part(archive, "docProps/core.xml")
    found: dict[str, Any] = {}
    extra = _custom_and_app_properties(archive)
    if core is None:
        return {"properties_text": extra[:MAX_TEXT]} if extra else found
    for tag, key in ((f"{DC}creator", "author"), (f"{CP}lastModifiedBy", "last_modified_by")):
        element = core.find(tag)
        if element is not None and (element.text or "").strip():
            found[key] = element.text.strip()[:200]
    free_text = [
        (element.text or "").strip()
        for tag in (f"{DC}title", f"{DC}subject", f"{CP}keywords", f"{CP}category", f"{DC}description")
        for element in core.iter(tag)
    ]
    found["properties_text"] = "\n".join(text for text in [*free_text, extra] if text)[:MAX_TEXT]
    return {key: value for key, value in found.items() if value}


def _custom_and_app_properties(archive: zipfile.ZipFile) -> str:
    lines = []
    custom = part(archive, "docProps/custom.xml")
    if custom is not None:
        for prop in custom.iter("{*}property"):
            value = " ".join("".join(prop.itertext()).split())
            # The property's name is the cue ("DOB: 03/04/2015"), so the guard reads both.
            lines.append(f"{prop.get('name', '').replace('_', ' ')}: {value}")
    app = part(archive, "docProps/app.xml")
    if app is not None:
        lines += [(el.text or "").strip() for tag in ("Company", "Manager") for el in app.iter(f"{{*}}{tag}")]
    return "\n".join(line for line in lines if line.strip())
