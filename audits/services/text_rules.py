"""Stricter rules for the free text of case returns, on top of the personal-data guard.

A return is about one real case, so its free text is held to what an audit needs: what helped and
what did not, in roles ("the child's mother", "the school nurse"), never who. Anything the guard
misses but that could point at a family is refused here: long numbers (case, NHS, ID and phone
numbers, compact dates), web and social addresses, birth details, titles with names, a family's
surname, a child's initials, a named school, and capitalised words that read like a name. Each rule
says what to change. The guard's own checks run on the same text, and again with shouted or oddly
cased words written as names are, so "JOHN SMITH" is read as "John Smith".
"""

import re
import unicodedata

from resources.models import Audience, BoroughPage, CPStage, SoSElement

# Invisible characters that can hide a word boundary ("Jane\u00adDoe"): read as a space.
_HIDDEN = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), " ")
_LONG_NUMBER = re.compile(r"\d(?:[\s./\-]*\d){4,}")
_WEB = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+|\b[\w-]+\.(?:com|org|net|co\.uk|org\.uk|gov\.uk|uk|io|me)\b", re.I)
_HANDLE = re.compile(r"(?<![\w.])@[A-Za-z0-9_]{2,}")
_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
_BIRTH = re.compile(
    rf"\b(?:born|dob|d\.?\s?o\.?\s?b\.?|date of birth|birthday)\b.{{0,40}}?(?:\d|\b(?:{_MONTHS})[a-z]*\b)", re.I
)
_TITLE = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Rev)\.?\s+[A-Z][\w'-]+")
_FAMILY = re.compile(r"\b([A-Z][a-z'-]+)\s+(?:family|household|children|twins|siblings)\b")
_INITIALS = re.compile(r"(?i:\binitials?\b)\W{0,3}[A-Z]{1,3}\b|\b[A-Z]\.\s?[A-Z]\.(?:\s?[A-Z]\.)?")
_SCHOOL = re.compile(
    r"\b(?:St\.?\s+)?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*\s+(?:Primary|Secondary|Academy|School|Nursery|College|Infants|Juniors)\b"
)
_CUE = re.compile(
    r"\b(?:child|baby|son|daughter|sister|brother|mother|father|mum|dad|aunt|uncle|nan|gran|grandmother|"
    r"grandfather|stepfather|stepmother|partner|boyfriend|girlfriend|called|named|known as)\s+([A-Z][a-z'-]+)"
)
_CAPITALISED_RUN = re.compile(r"\b[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)+\b")
# Capitalised words practice text uses in runs ("Child Protection Conference", "Signs of Safety").
_PRACTICE_WORDS = frozenset(
    (  # noqa: SIM905 - a list of words reads best as words
        "the a an and or but of in on at to for with when what where why how this that these those it its "
        "they their we our he she his her then also after before during once if as by from there here "
        "child children protection plan plans conference conferences initial review strategy discussion "
        "discussions meeting meetings section enquiry enquiries police health education social care services "
        "service team teams council court family courts safeguarding partnership signs safety three houses "
        "working together early help adviser advisers chair chairs core group groups multi agency agencies "
        "mash hub local authority london nhs gp school schools virtual head nurse nurses visitor visitors "
        "probation housing mental substance misuse domestic abuse children's looked after legal gateway public "
        "law outline pre proceedings letter letters report reports assessment assessments single network "
        "danger statement statements goals scaling question questions words pictures harm harms worry worries "
        "good adequate requires improvement inadequate yes no partly not applicable icpc rcpc cp cin lado sos "
        "dsl primary secondary academy nursery college designated lead officer"
    ).split()
)


def _vocabulary() -> set[str]:
    """The exchange's own names for things (boroughs, stages, audiences, Signs of Safety elements)."""
    words: set[str] = set(_PRACTICE_WORDS)
    for model, field in ((BoroughPage, "title"), (CPStage, "name"), (Audience, "name"), (SoSElement, "name")):
        for value in model.objects.values_list(field, flat=True):
            words.update(w.lower() for w in re.findall(r"[A-Za-z'-]+", value))
    return words


def _readable(text: str) -> str:
    """Digits of any script as ASCII digits, hidden characters as spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_HIDDEN)
    return "".join(str(unicodedata.digit(ch)) if ch.isdigit() and not ch.isascii() else ch for ch in text)


def as_names_are_written(text: str) -> str:
    """Shouted or oddly cased words written as names are ("JOHN SMITH", "jOhN" → "John"), the rest as is."""

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        if (word.isupper() and len(word) > 3) or (not word.islower() and not word.istitle() and not word.isupper()):
            return word.capitalize()
        return word

    return re.sub(r"\b[^\W\d_]{2,}\b", fix, text)


def _known(word: str, vocabulary: set[str]) -> bool:
    word = word.lower().strip(".'-").removesuffix("'s").removesuffix("’s")
    return word in vocabulary


def problems(text: str) -> list[str]:
    """What in ``text`` must change before it can be saved, in words an auditor acts on."""
    text = _readable(text)
    found = []
    if _LONG_NUMBER.search(text):
        found.append("a number of 5 or more digits (a case, NHS, ID or phone number, or a date)")
    if _WEB.search(text) or _HANDLE.search(text):
        found.append("a web, email or social media address")
    if _BIRTH.search(text):
        found.append("a date or details of birth")
    if _TITLE.search(text):
        found.append("a title with a name (Dr, Mr, Mrs, Ms …)")
    if _INITIALS.search(text):
        found.append("initials")
    vocabulary = _vocabulary()
    for match in _SCHOOL.finditer(text):
        if not all(_known(word, vocabulary) for word in match.group(0).split()):
            found.append("the name of a school or nursery")
            break
    for match in _FAMILY.finditer(text):
        if not _known(match.group(1), vocabulary):
            found.append(f"a family's surname (“{match.group(1)} …”)")
            break
    if any(not _known(match.group(1), vocabulary) for match in _CUE.finditer(text)):
        found.append("a name after a word for a person (child, mother, sister …)")
    for match in _CAPITALISED_RUN.finditer(text):
        if not all(_known(word, vocabulary) for word in match.group(0).split()):
            found.append("capitalised words together that read like a name")
            break
    return found
