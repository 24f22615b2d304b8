"""Matched words in result snippets, marked up safely."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

SNIPPET_LENGTH = 240


def _pattern(terms: list[str]) -> re.Pattern[str] | None:
    parts = [r"\s+".join(re.escape(word) for word in term.split()) for term in terms if term]
    if not parts:
        return None
    return re.compile(r"\b(?:" + "|".join(sorted(parts, key=len, reverse=True)) + r")\w*", re.IGNORECASE)


def contains_any(text: str, terms: list[str]) -> bool:
    pattern = _pattern(terms)
    return bool(pattern and pattern.search(text or ""))


def snippet(summary: str, body: str, terms: list[str]) -> SafeString:
    """The summary with matches marked; when only the body matches, the passage around the first match."""
    pattern = _pattern(terms)
    text = summary
    if pattern and not pattern.search(summary or "") and (match := pattern.search(body or "")):
        start = max(0, match.start() - SNIPPET_LENGTH // 3)
        text = ("…" if start else "") + body[start : start + SNIPPET_LENGTH].strip() + "…"
    text = text or ""
    if not pattern:
        return escape(text)
    # Match the raw text and escape each piece: matching escaped text would mark the inside
    # of an entity (a search for "amp" turning &amp; into &<mark>amp</mark>;).
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces += [escape(text[last : match.start()]), f"<mark>{escape(match.group(0))}</mark>"]
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of text is escaped; only <mark> is added
