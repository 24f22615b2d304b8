"""Text a reader or a URL can show that plain body text leaves out: link addresses, table
captions and the documents a body links to, read into the shape the personal-data guard scans.
Slugs and file names are read with resources.guard.identifier_text and shown with redact.
"""

import html
import re
from typing import Any
from urllib.parse import unquote

from resources.services.body_text import _unwrapped

_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]{0,2000})"|'([^']{0,2000})')""", re.I)


def body_hidden_text(raw: list[dict[str, Any]]) -> str:
    """What a body shows that plain text leaves out: link addresses (mailto:, tel:, web) and table captions."""
    parts: list[str] = []
    for block in raw:
        kind, value = block.get("type"), _unwrapped(block.get("value"))
        if kind == "paragraph" and isinstance(value, str):
            for m in _HREF.finditer(value):
                address = unquote(html.unescape(m.group(1) or m.group(2) or ""))
                parts.append(re.sub(r"^(?:mailto|tel):", "", address, flags=re.I))
        elif kind == "table" and isinstance(value, dict):
            parts.append(str(_unwrapped(value.get("table_caption")) or ""))
    return "\n".join(part for part in parts if part.strip())


def body_document_ids(raw: list[dict[str, Any]]) -> list[int]:
    """The documents the body's "document link" blocks point at, in order."""
    ids = []
    for block in raw:
        if block.get("type") == "document":
            value = _unwrapped(block.get("value")) or {}
            document = _unwrapped(value.get("document")) if isinstance(value, dict) else None
            if isinstance(document, int):
                ids.append(document)
    return ids
