"""Plain text bodies (the import format) to resource StreamField blocks, and back for comparison.

Format: blank lines separate paragraphs; a line starting "## " is a heading; a paragraph
whose every line starts "1. ", "2. " … is a how-to steps block; a paragraph starting
"> " is a practice example, with an optional last line "— attribution".
"""

import html
import re
from typing import Any

from django.utils.html import escape

from core.text import strip_simple_tags

_STEP = re.compile(r"^\d+[.)]\s+")
_ATTRIBUTION = re.compile(r"^\s*(?:—|--|-)\s*(.+)$")


def text_to_blocks(text: str) -> list[dict[str, Any]]:
    """Convert an import body to StreamField raw data (list of {"type", "value"})."""
    blocks: list[dict[str, Any]] = []
    for chunk in _paragraphs(text):
        lines = chunk.splitlines()
        if lines[0].startswith("## "):
            heading = lines[0][3:].strip()
            if heading:  # an empty heading would be an invalid block an editor could not save
                blocks.append({"type": "heading", "value": heading})
            rest = "\n".join(lines[1:]).strip()
            if rest:
                blocks.extend(text_to_blocks(rest))
        elif all(_STEP.match(line) for line in lines):
            steps = [_STEP.sub("", line).strip() for line in lines]
            blocks.append({"type": "how_to", "value": {"intro": "", "steps": steps}})
        elif lines[0].startswith(">"):
            example = _practice_example(lines)
            if example["quote"]:
                blocks.append({"type": "practice_example", "value": example})
        else:
            html = " ".join(line.strip() for line in lines)
            blocks.append({"type": "paragraph", "value": f"<p>{escape(html)}</p>"})
    return blocks


def comparable(raw: Any) -> Any:
    """Raw StreamField data without block ids or list-item wrappers, so saved and new bodies compare equal."""
    if isinstance(raw, list):
        return [comparable(item) for item in raw]
    if isinstance(raw, dict):
        if set(raw) <= {"type", "value", "id"} and raw.get("type") == "item":
            return comparable(raw["value"])
        return {key: comparable(value) for key, value in raw.items() if key != "id"}
    return raw


def _paragraphs(text: str) -> list[str]:
    normalised = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    return [chunk.strip("\n") for chunk in re.split(r"\n\s*\n", normalised) if chunk.strip()]


def _practice_example(lines: list[str]) -> dict[str, str]:
    quote_lines = [line.lstrip(">").strip() for line in lines]
    attribution = ""
    match = _ATTRIBUTION.match(quote_lines[-1]) if len(quote_lines) > 1 else None
    if match:
        attribution = match.group(1).strip()
        quote_lines = quote_lines[:-1]
    return {"quote": "\n".join(quote_lines).strip(), "attribution": attribution}


def blocks_plain_text(raw: list[dict[str, Any]]) -> str:
    """All the words in a body's raw StreamField data, for indexing and snippets."""
    parts: list[str] = []
    # Read in place (list items may come wrapped as {"type": "item", "value": …}): an index rebuild
    # reads every body, and copying each through comparable() cost as much as the rest.
    for block in raw:
        value = block.get("value")
        kind = block.get("type")
        if kind == "paragraph":
            # Rich text stores entities (&quot;); snippets escape again, so keep the characters themselves.
            parts.append(html.unescape(strip_simple_tags(value or "")))
        elif kind == "how_to":
            value = _unwrapped(value)
            parts += [_unwrapped(value.get("intro")) or "", *map(_unwrapped, _unwrapped(value.get("steps")) or [])]
        elif kind == "practice_example":
            value = _unwrapped(value)
            parts += [_unwrapped(value.get("quote")) or "", _unwrapped(value.get("attribution")) or ""]
        elif kind == "table":
            data = _unwrapped(_unwrapped(value) or {}).get("data") or []
            parts += [str(_unwrapped(cell)) for row in _unwrapped(data) for cell in _unwrapped(row) if _unwrapped(cell)]
        elif kind == "document":
            parts.append(_unwrapped((_unwrapped(value) or {}).get("description")) or "")
        elif isinstance(value, str):
            parts.append(value)
    return " ".join(p.strip() for p in parts if p and p.strip())


_PLACE_NAMES = {
    "paragraph": "paragraph",
    "how_to": "numbered steps",
    "practice_example": "quote",
    "table": "table",
    "document": "document link",
}


def body_places(raw: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Each block's words with where an editor finds it: "Body, 'Strategy discussion' section,
    paragraph 2" (counted within the section, as an editor counts down the page)."""
    places: list[tuple[str, str]] = []
    section, counts = "", {}
    for block in raw:
        kind = block.get("type")
        if kind == "heading":
            section, counts = str(_unwrapped(block.get("value")) or "").strip(), {}
            places.append((f"Body, heading '{section}'", section))
            continue
        name = _PLACE_NAMES.get(kind, "block")
        counts[name] = counts.get(name, 0) + 1
        where = f"'{section}' section" if section else "before the first heading"
        places.append((f"Body, {where}, {name} {counts[name]}", blocks_plain_text([block])))
    return places


def _unwrapped(value: Any) -> Any:
    """A list item's value without its wrapper, as comparable() reads it."""
    while isinstance(value, dict) and set(value) <= {"type", "value", "id"} and value.get("type") == "item":
        value = value["value"]
    return value
