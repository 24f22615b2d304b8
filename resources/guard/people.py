"""Detectors for who: people's names, and a school with a year group and a first name (three
details that together point at one child).

A name is a first name from the lists followed by a surname ("Kayden Ashby-Sample", "Niamh
O'Sample", in brackets or not), a title with a surname ("Mrs Sample", "Ms K Sample"), or a
distinctive first name and a surname in lower case ("jayden sample"). Authors cited with a
year ("Turnell and Edwards (1999)", "Brandon et al., 2020") are the literature, not families.
"""

import re
from collections.abc import Iterable

from .context import personal_cue_near
from .masking import mask
from .name_lists import EVERYDAY_WORDS, first_names, is_first_name, is_last_name, is_vocabulary, last_names, parts
from .types import HIGH, LOW, Finding, Kind
from .vocabulary import NOT_NAMES

_PART = r"(?:O['\u2019]|[Dd]['\u2019]|Mc|Mac)?[A-Z][a-z'\u2019]{1,20}"
_WORD = rf"{_PART}(?:-{_PART})?"
# A lookahead, so "Grandmother Fatima Sample" is tried from each capitalised word in turn.
_FULL_NAME = re.compile(rf"(?<![\w'-])(?=({_WORD})[ \u00a0](?:[A-Z]\.?[ \u00a0])?({_WORD})(?![\w'-]))")
_TITLED = re.compile(
    rf"(?<![\w'-])(Mr|Mrs|Ms|Miss|Mx|Master)\.?[ \u00a0](?:(?:[A-Z]\.?[ \u00a0]){{1,2}}|({_WORD})[ \u00a0])?"
    rf"({_WORD})(?![\w'-])"
)
_LOWER = r"[a-z][a-z'\u2019]{2,20}(?:-[a-z]{2,20})?"
_LOWER_SURNAME_FORM = re.compile(r"^(?:o['\u2019]|mc)[a-z]{2}")
_LOWER_NAME = re.compile(rf"(?<![\w'-])(?=({_LOWER})[ \u00a0]({_LOWER})(?![\w'-]))")
# A professional credited in their role: "Jane Example, Head of Quality" warns, it does not block.
_ROLE_AFTER = re.compile(
    r"(?i)^\s{0,2}[,(\u2013-]\s{0,2}(?:the\s)?(?:head|director|manager|chair|principal|lead|senior|team|service|"
    r"practice|designated|independent|consultant|adviser|advisor|officer|social worker|author|coordinator|"
    r"assistant|deputy|co-?ordinator|professor|dr\b)"
)
# Words before a name that say it is a person in the case: "the child (…)", "a boy called …".
_NAME_CUE = re.compile(
    r"(?i)\b(?:child|boy|girl|baby|pupil|sibling|young person|yp|named|called|known as|aka|victim)\W{0,4}$"
)
# Cited work: a year (in brackets or after a comma), "et al.", or co-authors then a year.
_AUTHOR = r"(?:[A-Z]\.\s?)*[A-Z][\w'\u2019-]+(?:\s[A-Z][\w'\u2019-]+)?"
_YEAR = r"(?:19|20)\d{2}[a-z]?\b"
_CITATION_AFTER = re.compile(
    rf"^(?:,?\s(?:and|&)\s{_AUTHOR}|,\s{_AUTHOR}){{0,4}}(?:,\s?{_YEAR}|\s?[(\[]{_YEAR}|,?\s?et al\b)"
)


def _cited(text: str, end: int) -> bool:
    return bool(_CITATION_AFTER.match(text[end : end + 120]))


def _cued(text: str, start: int, end: int) -> bool:
    return personal_cue_near(text, start, end, width=40) or bool(_NAME_CUE.search(text[max(0, start - 25) : start]))


def _finding(text: str, start: int, end: int, cued: bool) -> Finding:
    role = _ROLE_AFTER.match(text[end : end + 40])
    confidence = LOW if role and not cued else HIGH
    return Finding(Kind.PERSON_NAME, confidence, start, end, _mask_words(text[start:end]))


def detect_person_names(text: str) -> Iterable[Finding]:
    """A person's name in any of the forms above: high alone, a warning when credited in a role."""
    yield from _full_names(text)
    yield from _titled_names(text)
    yield from _lower_case_names(text)


def _full_names(text: str) -> Iterable[Finding]:
    for m in _FULL_NAME.finditer(text):
        first, last = m.group(1), m.group(2)
        if is_vocabulary(last) or is_vocabulary(first) or _cited(text, m.end(2)):
            continue
        start, end = m.start(1), m.end(2)
        cued = _cued(text, start, end)
        # A listed first name needs a surname or a cue; an unlisted one needs both.
        if (is_first_name(first) and (cued or is_last_name(last))) or (cued and is_last_name(last)):
            yield _finding(text, start, end, cued)


def _titled_names(text: str) -> Iterable[Finding]:
    for m in _TITLED.finditer(text):
        title, given, last, end = m.group(1), m.group(2), m.group(3), m.end(3)
        if given and not is_first_name(given):  # "Mrs Sample's Boys": the surname is the word after the title
            last, end = given, m.end(2)
        if is_vocabulary(last) or parts(last)[0] in EVERYDAY_WORDS or _cited(text, end):
            continue
        # "Miss" and "Master" are also words: the surname must be one.
        if title in ("Miss", "Master") and not is_last_name(last):
            continue
        yield _finding(text, m.start(1), end, _cued(text, m.start(1), end))


def _lower_case_names(text: str) -> Iterable[Finding]:
    firsts, lasts = first_names(), last_names()
    for m in _LOWER_NAME.finditer(text):
        first, last = m.group(1), m.group(2)
        if first in EVERYDAY_WORDS or last in EVERYDAY_WORDS or first in NOT_NAMES or last in NOT_NAMES:
            continue
        surname = _LOWER_SURNAME_FORM.match(last) or any(part in lasts for part in parts(last))
        if first in firsts and surname and not _cited(text, m.end(2)):
            yield _finding(text, m.start(1), m.end(2), _cued(text, m.start(1), m.end(2)))


def _mask_words(value: str) -> str:
    return " ".join(mask(word, keep=1) if len(word) > 1 else "*" for word in value.split())


# --- A school, a year group and a first name together --------------------------------
_SCHOOL = re.compile(
    r"(?:[A-Z][a-z'\u2019-]{1,20}[ \u00a0]){1,4}(?:(?:Primary|Junior|Infants?|Secondary|High|Grammar|Nursery"
    r"|Community|Sixth Form)(?:[ \u00a0](?:School|Academy|College))?|School|Academy|College)\b"
)
_NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
_YEAR_GROUP = re.compile(
    rf"(?i)\b(?:year|yr)[ \u00a0-]?(?:[1-9]|1[0-3]|{_NUMBER_WORDS})\b|\by(?:[1-9]|1[0-3])\b"
    r"|\breception(?: class)?\b|\bnursery class\b|\b(?:lower |upper )?sixth form\b"
)
_CAPITALISED = re.compile(r"(?<![\w'-])[A-Z][a-z]{1,20}(?=['\u2019]s\b|(?![\w'-]))")
_REACH = 150  # how far from the school the year group and the name may be


def detect_school_year_name(text: str) -> Iterable[Finding]:
    """A named school, a year group and a first name within one stretch of text, in any order."""
    firsts = first_names()
    for school in _SCHOOL.finditer(text):
        lower, upper = max(0, school.start() - _REACH), min(len(text), school.end() + _REACH)
        year = _YEAR_GROUP.search(text, lower, upper)
        if not year:
            continue
        taken = set(school.group().split()) | set(year.group().split())
        name = next(
            (
                word
                for word in _CAPITALISED.finditer(text, lower, upper)
                if word.group().lower() in firsts and word.group() not in taken
            ),
            None,
        )
        if name is None:
            continue
        start = min(school.start(), year.start(), name.start())
        end = max(school.end(), year.end(), name.end())
        yield Finding(Kind.SCHOOL_YEAR_NAME, HIGH, start, end, _mask_words(text[start:end]))
