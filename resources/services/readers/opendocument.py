"""Text of OpenDocument files (ODT text, ODS spreadsheets, ODP slides): body, headers and footers,
annotations, and the document's properties (title, subject, keywords, description, creators)."""

from typing import Any

from .zipped import DC, MAX_TEXT, open_archive, part

META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def read_opendocument(data: bytes) -> tuple[str, dict[str, Any]]:
    with open_archive(data) as archive:
        content = part(archive, "content.xml")
        styles = part(archive, "styles.xml")
        meta = part(archive, "meta.xml")
    roots = []
    if content is not None:
        roots += list(content.iter(f"{OFFICE}body"))
    if styles is not None:  # headers and footers live with the page styles
        roots += list(styles.iter(f"{STYLE}master-page"))
    metadata: dict[str, Any] = {}
    if meta is not None:
        for tag, key in ((f"{META}initial-creator", "author"), (f"{DC}creator", "last_modified_by")):
            element = next(meta.iter(tag), None)
            if element is not None and (element.text or "").strip():
                metadata[key] = element.text.strip()[:200]
        free_text = [
            (element.text or "").strip()
            for tag in (f"{DC}title", f"{DC}subject", f"{META}keyword", f"{DC}description")
            for element in meta.iter(tag)
        ]
        if any(free_text):
            metadata["properties_text"] = "\n".join(text for text in free_text if text)[:MAX_TEXT]
    if content is not None:
        annotations = list(content.iter(f"{OFFICE}annotation"))
        if annotations:
            metadata["comment_count"] = len(annotations)
    # A paragraph's words may sit in several spans; an annotation's paragraphs are read inside
    # their paragraph and again on their own, which only repeats a finding.
    lines = [" ".join("".join(p.itertext()).split()) for root in roots for p in root.iter(f"{TEXT}p", f"{TEXT}h")]
    return "\n".join(line for line in lines if line)[:MAX_TEXT], metadata
