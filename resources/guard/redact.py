"""Values that are not prose (slugs, file names, typed searches) read by the guard, and masked.

A slug, a file name or a search box hides words behind separators and lower case
("oliver-sample-dob-03-04-2015.docx", "oliver sample se15 3zz"); they are spelt out one
character for one, so a finding's position is also its position in the original value,
which lets the value be shown or stored with only what was found starred out.
"""

import re

from .masking import MASK_CHAR
from .scanning import scan
from .types import Finding

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
