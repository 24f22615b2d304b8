"""Detectors for where a family lives: postcodes (however spaced) and street addresses.

A council's published office ("Civic Centre, 1 Any Street, N1 1ZZ", "the borough's service
centre") is not a family's address: a public-office word just before it makes the finding a
warning. A word tying the value to a person or a home ("family home", "mum lives at") always
outweighs it.
"""

import re
from collections.abc import Iterable

from .context import personal_cue_near
from .masking import mask
from .types import HIGH, LOW, Finding, Kind

# Offices and venues a resource names on purpose: a council's building, a hub, a venue.
PUBLIC_OFFICE_CUE = re.compile(
    r"(?i)\b(?:town hall|civic cent(?:re|er)|(?:customer )?service cent(?:re|er)|council offices?"
    r"|london borough of|royal borough of|london councils|venue|headquarters|head office|offices? (?:at|is|are)"
    r"|our offices?|main office|library|conference cent(?:re|er)|one stop shop|contact cent(?:re|er)"
    r"|(?:held|hosted|based) at|(?:sessions?|training|meetings?|events?|courses?) (?:is |are |will be )?(?:held )?at"
    r"|reception at|write to us|postal address|visit us)\b"
)


# A council named as the body ("Islington Council, 222 Any Street"), not "council tenant".
_NAMED_COUNCIL = re.compile(r"\b(?:[A-Z][a-z]+ ){1,3}Council\b")


def public_place_before(text: str, start: int, width: int = 80) -> bool:
    """Whether a public office or venue is named just before ``start``."""
    window = text[max(0, start - width) : start]
    return bool(PUBLIC_OFFICE_CUE.search(window) or _NAMED_COUNCIL.search(window))


# --- Postcodes -----------------------------------------------------------------------
_OUTWARD = (
    r"(?:[A-PR-UWYZ][0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}|[A-PR-UWYZ][0-9][A-HJKPSTUW]"
    r"|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])"
)
_INWARD = r"[0-9][ABD-HJLNP-UW-Z]{2}"
_POSTCODE = re.compile(rf"(?i)(?<![A-Za-z0-9])(?:GIR ?0AA|{_OUTWARD}[ \u00a0]{{0,3}}{_INWARD})(?![A-Za-z0-9])")
# Spelt out a character at a time ("E 8 1 D Y", "S E 1 5 3 Z Z"): capitals only, checked whole.
_SPACED = re.compile(
    r"(?<![A-Za-z0-9])(?:[A-Z](?:[ \u00a0]{0,2}[A-Z0-9]){4,6}|(?i:[a-z](?:[ \u00a0]{1,2}[a-z0-9]){4,6}))(?![A-Za-z0-9])"
)
_COMPACT = re.compile(rf"{_OUTWARD}{_INWARD}")
_ORDINAL_INWARD = re.compile(r"\d(?:st|nd|rd|th)$")


def _postcode_matches(text: str) -> Iterable[tuple[int, int]]:
    for m in _POSTCODE.finditer(text):
        if not _ORDINAL_INWARD.search(m.group()):  # "CP1 3rd" is prose, not an inward code
            yield m.start(), m.end()
    for m in _SPACED.finditer(text):
        if _COMPACT.fullmatch(re.sub(r"\s", "", m.group()).upper()):
            yield m.start(), m.end()


def detect_postcodes(text: str) -> Iterable[Finding]:
    for start, end in _postcode_matches(text):
        low = public_place_before(text, start) and not personal_cue_near(text, start, end)
        yield Finding(Kind.POSTCODE, LOW if low else HIGH, start, end, mask(text[start:end], keep=2))


# --- Street addresses without a postcode ---------------------------------------------
_STREET = (
    r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Close|Gardens|Gdns|Way|Crescent|Drive|Place|Grove|Terrace"
    r"|Court|Mews|Rise|Square|Walk|Row|Parade|Estate|Vale|Yard|Wharf|Hill)"
)
_ADDRESS = re.compile(
    rf"(?<![\w/.-])(?:(?:Flat|Apartment|Unit)[ \u00a0]\d{{1,4}}[A-Za-z]?,?[ \u00a0])?\d{{1,4}}[A-Za-z]?,?[ \u00a0]"
    rf"(?:[A-Z][a-z'\u2019-]{{1,20}}[ \u00a0]){{1,3}}{_STREET}\b\.?"
)


def detect_addresses(text: str) -> Iterable[Finding]:
    """A house number and a street ("12 Mare Street"): a home unless an office or venue is named just before."""
    for m in _ADDRESS.finditer(text):
        public = public_place_before(text, m.start(), width=60)
        confidence = LOW if public and not personal_cue_near(text, m.start(), m.end()) else HIGH
        yield Finding(Kind.ADDRESS, confidence, m.start(), m.end(), _mask_words(m.group()))


def _mask_words(value: str) -> str:
    return " ".join(mask(word, keep=1) if len(word) > 1 else "*" for word in value.split())
