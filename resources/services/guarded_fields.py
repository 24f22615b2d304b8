"""Text a reader or a URL can show that is not prose: slugs, file names, link addresses, table
captions and the documents a body links to, read into the shape the personal-data guard scans.

A slug or a file name hides words behind separators and lower case ("oliver-sample-dob-
03-04-2015.docx"); they are spelt out one character for one, so a finding's position is
also its position in the original value, which lets a report show the value masked.
"""

import html
import re
from typing import Any
from urllib.parse import unquote

from resources.guard import scan
from resources.guard.masking import MASK_CHAR
from resources.services.body_text import _unwrapped

_SEPARATORS = re.compile(r"[-_.+~]")
_LOWER_WORD = re.compile(r"(?<![A-Za-z])[a-z][a-z']*")
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]{0,2000})"|'([^']{0,2000})')""", re.I)


def identifier_text(value: str) -> str:
    """``value`` with separators as spaces and each word capitalised: same length, same positions."""
    spaced = _SEPARATORS.sub(" ", value)
    return _LOWER_WORD.sub(lambda m: m.group()[:1].upper() + m.group()[1:], spaced)


def masked_identifier(value: str) -> str:
    """``value`` with every suspected piece of personal data starred out, separators kept."""
    chars = list(value)
    for finding in scan(identifier_text(value)):
        for i in range(finding.start, finding.end):
            if chars[i].isalnum():
                chars[i] = MASK_CHAR
    return "".join(chars)


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
