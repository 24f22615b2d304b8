"""Values that are not prose (slugs, file names, typed searches) read by the guard, and masked.

A slug, a file name or a search box hides words behind separators and lower case
("oliver-sample-dob-03-04-2015.docx", "oliver sample se15 3zz"); they are spelt out one
character for one, so a finding's position is also its position in the original value,
which lets the value be shown or stored with only what was found starred out.
"""

import re

from .masking import MASK_CHAR
from .name_lists import EVERYDAY_WORDS, first_names, is_last_name, last_names
from .scanning import scan
from .types import Finding
from .vocabulary import NOT_NAMES

_SEPARATORS = re.compile(r"[-_.+~]")
_LOWER_WORD = re.compile(r"(?<![A-Za-z])[a-z][a-z']*")


def identifier_text(value: str) -> str:
    """``value`` with separators as spaces and each word capitalised: same length, same positions."""
    spaced = _SEPARATORS.sub(" ", value)
    return _LOWER_WORD.sub(lambda m: m.group()[:1].upper() + m.group()[1:], spaced)


# A separator before a word is a space; one before a number may belong to a reference ("CP-2023-00123").
_BEFORE_WORD = re.compile(r"(?<=[A-Za-z0-9])[-_.+~](?=[A-Za-z])")


def scan_identifier(value: str) -> list[Finding]:
    """Findings in a slug, a file name, a source id or a typed search, at their places in ``value``.

    Read spelt out (for names and dates), and in capitals with only the separators between
    words as spaces, so a system reference inside ("cam-cp-2023-00123_notes") reads as it
    would written on its own.
    """
    findings = {(f.start, f.end, f.kind): f for f in scan(identifier_text(value))}
    if any(ch.isdigit() for ch in value):  # every reference has digits
        for f in scan(_BEFORE_WORD.sub(" ", value).upper()):
            findings.setdefault((f.start, f.end, f.kind), f)
    return sorted(findings.values(), key=lambda f: (f.start, f.end))


def redact(value: str) -> str:
    """``value`` with the letters and digits of every suspected piece of personal data starred out."""
    chars = list(value)
    for finding in scan_identifier(value):
        for i in range(finding.start, finding.end):
            if chars[i].isalnum():
                chars[i] = MASK_CHAR
    return "".join(chars)


_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\u2019]*")
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "master"})


def redact_search(query: str) -> str:
    """``redact`` for what someone typed into search, leaving no fragment of a name behind.

    A search is a handful of words, in any order and any case ("sample oliver", "kayden
    sample-tester"): every word of a name is starred out, whether or not the guard read the
    whole of it as one. A name's word is a listed first name, or a listed surname, title or
    initial next to a word already starred out or to a first name; the exchange's own words
    ("family", "chronology", "section") never are.
    """
    chars = list(redact(query))
    tokens = list(_TOKEN.finditer(query))
    hidden = [all(chars[i] == MASK_CHAR for i in range(t.start(), t.end()) if query[i].isalnum()) for t in tokens]
    first = [_is_first(t.group()) for t in tokens]
    hidden = [h or f for h, f in zip(hidden, first, strict=True)]
    changed = True
    while changed:  # each pass hides the name words beside a hidden one; a query is a few words
        changed = False
        for i, token in enumerate(tokens):
            beside = (i > 0 and hidden[i - 1]) or (i + 1 < len(tokens) and hidden[i + 1])
            if not hidden[i] and beside and _name_word(token.group(), beside_first=_beside_first(first, i)):
                hidden[i] = changed = True
    for token, hide in zip(tokens, hidden, strict=True):
        if hide:
            for i in range(token.start(), token.end()):
                if chars[i].isalnum():
                    chars[i] = MASK_CHAR
    return "".join(chars)


def _beside_first(first: list[bool], i: int) -> bool:
    return (i > 0 and first[i - 1]) or (i + 1 < len(first) and first[i + 1])


def _is_first(word: str) -> bool:
    key = word.lower()
    return key not in EVERYDAY_WORDS and key not in NOT_NAMES and key in first_names()


def _name_word(word: str, beside_first: bool) -> bool:
    """A surname, title or initial; beside a first name, any word not of the exchange's vocabulary."""
    key = re.sub(r"['\u2019]", "", word.lower())
    if key in NOT_NAMES or key.isdigit():
        return False
    if len(key) == 1 or key in _TITLES or key in last_names() or is_last_name(word.capitalize()):
        return True
    return beside_first and key.isalpha() and key not in EVERYDAY_WORDS
