"""Detectors for who and where: people's full names, street addresses, and a school with a year
group and a first name (three details that together point at one child).

Names come from the lists shipped in the ``names`` package (first and last names from a
census, so they are maintained outside this project and need no download at run time),
plus first names common in London that those lists lack. A capitalised word that is the
exchange's own vocabulary (a borough, a process, a month) is never read as a name: the
exchange's resources name roles and places, not people.
"""

import functools
import importlib.resources
import re
from collections.abc import Iterable

from .context import personal_cue_near
from .masking import mask
from .types import HIGH, LOW, Finding, Kind
from .vocabulary import NOT_NAMES

# First names given often in London that the census lists lack.
_EXTRA_FIRST_NAMES_TEXT = """
muhammad mohammad ahmed ayaan zara zainab maryam yusuf ibrahim aisha amara priya kwame kofi ama
oluwaseun tunde chidi ngozi adaeze deepak arjun aarav anaya ananya ravi sanjay sofia amira layla
hamza omar bilal fatima khadija leyla emre mehmet elif kacper zofia oskar wiktoria jakub
"""
_EXTRA_FIRST_NAMES = _EXTRA_FIRST_NAMES_TEXT.split()


@functools.cache
def first_names() -> frozenset[str]:
    return frozenset(_read("dist.male.first") | _read("dist.female.first") | set(_EXTRA_FIRST_NAMES)) - NOT_NAMES


@functools.cache
def last_names() -> frozenset[str]:
    return frozenset(_read("dist.all.last")) - NOT_NAMES


def _read(name: str) -> set[str]:
    lines = importlib.resources.files("names").joinpath(name).read_text(encoding="ascii").splitlines()
    return {line.split()[0].lower() for line in lines if line.strip()}


_WORD = r"[A-Z][a-z'\u2019]{1,20}(?:-[A-Z][a-z]{1,20})?"
# A lookahead, so "Grandmother Fatima Sample" is tried from each capitalised word in turn.
_FULL_NAME = re.compile(rf"(?<![\w'-])(?=({_WORD})[ \u00a0](?:[A-Z]\.?[ \u00a0])?({_WORD})(?![\w'-]))")
# A professional credited in their role: "Jane Example, Head of Quality" warns, it does not block.
_ROLE_AFTER = re.compile(
    r"(?i)^\s{0,2}[,(\u2013-]\s{0,2}(?:the\s)?(?:head|director|manager|chair|principal|lead|senior|team|service|"
    r"practice|designated|independent|consultant|adviser|advisor|officer|social worker|author|coordinator|"
    r"assistant|deputy|co-?ordinator|professor|dr\b)"
)


def detect_person_names(text: str) -> Iterable[Finding]:
    """A first name from the lists followed by a surname: high alone, or after a cue like "mother"."""
    firsts, lasts = first_names(), last_names()
    for m in _FULL_NAME.finditer(text):
        first, last = m.group(1), m.group(2)
        if first.lower() not in firsts or last.lower() in NOT_NAMES:
            continue
        start, end = m.start(1), m.end(2)
        cued = personal_cue_near(text, start, end, width=40)
        if not (cued or last.lower() in lasts):
            continue
        role = _ROLE_AFTER.match(text[end : end + 40])
        confidence = LOW if role and not cued else HIGH
        yield Finding(Kind.PERSON_NAME, confidence, start, end, _mask_words(text[start:end]))


def _mask_words(value: str) -> str:
    return " ".join(mask(word, keep=1) if len(word) > 1 else "*" for word in value.split())


# --- Street addresses without a postcode ---------------------------------------------
_STREET = (
    r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Close|Gardens|Gdns|Way|Crescent|Drive|Place|Grove|Terrace"
    r"|Court|Mews|Rise|Square|Walk|Row|Parade|Estate|Vale|Yard|Wharf|Hill)"
)
_ADDRESS = re.compile(
    rf"(?<![\w/.-])(?:(?:Flat|Apartment|Unit)[ \u00a0]\d{{1,4}}[A-Za-z]?,?[ \u00a0])?\d{{1,4}}[A-Za-z]?,?[ \u00a0]"
    rf"(?:[A-Z][a-z'\u2019-]{{1,20}}[ \u00a0]){{1,3}}{_STREET}\b\.?"
)
_PUBLIC_VENUE = re.compile(
    r"(?i)\b(?:town hall|civic cent(?:re|er)|council offices?|london councils|venue|headquarters|head office"
    r"|offices at|library|conference cent(?:re|er)|held at|session at|training at|hosted at|our offices)\b"
)


def detect_addresses(text: str) -> Iterable[Finding]:
    """A house number and a street ("12 Mare Street"): a home unless a venue is named just before."""
    for m in _ADDRESS.finditer(text):
        venue = _PUBLIC_VENUE.search(text[max(0, m.start() - 60) : m.start()])
        personal = personal_cue_near(text, m.start(), m.end())
        confidence = LOW if venue and not personal else HIGH
        yield Finding(Kind.ADDRESS, confidence, m.start(), m.end(), _mask_words(m.group()))


# --- A school, a year group and a first name together --------------------------------
_SCHOOL = re.compile(
    r"(?:[A-Z][a-z'\u2019-]{1,20}[ \u00a0]){1,4}(?:(?:Primary|Junior|Infants?|Secondary|High|Grammar|Nursery)"
    r"(?:[ \u00a0](?:School|Academy))?|School|Academy|College)\b"
)
_YEAR_GROUP = re.compile(r"(?i)\b(?:year|yr)[ \u00a0]?(?:[1-9]|1[0-3])\b|\breception(?: class)?\b")
_CAPITALISED = re.compile(r"(?<![\w'-])[A-Z][a-z]{1,20}(?![\w'-])")


def detect_school_year_name(text: str) -> Iterable[Finding]:
    """A named school, a year group and a first name within one stretch of text."""
    firsts = first_names()
    for school in _SCHOOL.finditer(text):
        lower, upper = max(0, school.start() - 100), min(len(text), school.end() + 100)
        year = _YEAR_GROUP.search(text, lower, upper)
        if not year:
            continue
        school_words = set(school.group().split())
        name = next(
            (
                word
                for word in _CAPITALISED.finditer(text, lower, upper)
                if word.group().lower() in firsts and word.group() not in school_words
            ),
            None,
        )
        if name is None:
            continue
        start = min(school.start(), year.start(), name.start())
        end = max(school.end(), year.end(), name.end())
        yield Finding(Kind.SCHOOL_YEAR_NAME, HIGH, start, end, _mask_words(text[start:end]))
