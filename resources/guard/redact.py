"""Values that are not prose (slugs, file names, typed searches) read by the guard, and masked.

A slug, a file name or a search box hides words behind separators and lower case
("oliver-sample-dob-03-04-2015.docx", "oliver sample se15 3zz"); they are spelt out one
character for one, so a finding's position is also its position in the original value,
which lets the value be shown or stored with only what was found starred out.
"""

import re

from .masking import MASK_CHAR
from .scanning import scan

_SEPARATORS = re.compile(r"[-_.+~]")
_LOWER_WORD = re.compile(r"(?<![A-Za-z])[a-z][a-z']*")


def identifier_text(value: str) -> str:
    """``value`` with separators as spaces and each word capitalised: same length, same positions."""
    spaced = _SEPARATORS.sub(" ", value)
    return _LOWER_WORD.sub(lambda m: m.group()[:1].upper() + m.group()[1:], spaced)


def redact(value: str) -> str:
    """``value`` with the letters and digits of every suspected piece of personal data starred out."""
    chars = list(value)
    for finding in scan(identifier_text(value)):
        for i in range(finding.start, finding.end):
            if chars[i].isalnum():
                chars[i] = MASK_CHAR
    return "".join(chars)
