"""Stricter rules for the free text of case returns, on top of the personal-data guard.

A return is about one real case, so its free text is held to what an audit needs: what helped and
what did not, in roles ("the child's mother", "the school nurse"), never who or where. These rules
catch what the guard's lists and patterns miss in such text: first names on their own (the guard's
name lists, minus everyday and practice words), titles with a name in any case, initials after a
word for a person, case and record numbers, long or spelled-out numbers, days of the month, where
someone lives, social media names, named schools and a family's surname. Text is read as a reader
sees it first: HTML entities, any script's digits, accents and combining marks, hidden characters,
letters of other scripts, words run together ("JaydenSmith", "Jayden.Smith").
"""

import html
import re
import unicodedata

from resources.guard.name_lists import EVERYDAY_WORDS, is_first_name, is_vocabulary

_HIDDEN = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff\x00"), " ")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_NUMBER_WORD = r"(?:zero|oh|nought|one|two|three|four|five|six|seven|eight|nine|double|triple)"
_PERSON = (
    r"child|baby|son|daughter|sister|brother|mother|father|mum|mom|dad|aunt|uncle|nan|gran|grandmother|"
    r"grandfather|stepfather|stepmother|partner|boyfriend|girlfriend|boy|girl|called|named|known as|yo"
)
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("a number of 5 or more digits (a case, NHS, ID or phone number, or a date)", re.compile(r"\d(?:[\s./\-]*\d){4,}")),
    ("a number written in words", re.compile(rf"\b{_NUMBER_WORD}(?:[\s,\-]+{_NUMBER_WORD}){{4,}}\b", re.I)),
    (
        "a case or record number",
        re.compile(
            r"\b(?:case|ref|reference|id|nhs|no|number|record|file|upn|ending)\b\W{0,12}[a-z]{0,4}[/\-]?\d{3,}", re.I
        ),
    ),
    ("a web, email or social media address", re.compile(r"(?:https?://|www\.)\S+|\S+@\S+|(?<![\w.])@\w{2,}", re.I)),
    (
        "a social media name",
        re.compile(
            r"\b(?:tiktok|snapchat|snap|instagram|insta|facebook|fb|twitter|whatsapp|telegram|discord|youtube)\b\W{0,3}\w",
            re.I,
        ),
    ),
    (
        "a date or details of birth",
        re.compile(
            rf"\b(?:born|dob|d\.?\s?o\.?\s?b\.?|date of birth|birthday)\b.{{0,40}}?(?:\d|\b{_MONTH}\b)|\bb\.\s*\d{{4}}",
            re.I,
        ),
    ),
    (
        "a day of the month",
        re.compile(
            rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b", re.I
        ),
    ),
    (
        "where someone lives",
        re.compile(r"\blives?\s+(?:at|on|in)\b|\b(?:flat|block|unit)\s+\w{1,3}\b|\bno\.?\s*\d+\s+the\b", re.I),
    ),
    (
        "a postcode or postcode area",
        re.compile(
            r"\b[a-z]{1,2}\d[a-z\d]?[\s\-]*\d[a-z]{2}\b|\b(?:in|postcode|area)\s+(?!s\d)[a-z]{1,2}\d{1,2}[a-z]?\b", re.I
        ),
    ),
    (
        "initials",
        re.compile(rf"(?i:\binitials?\b)\W{{0,3}}[A-Z]{{1,3}}\b|\b[A-Z]\.\s?[A-Z]\.|\b(?i:{_PERSON})\s+[A-Z]{{2,3}}\b"),
    ),
)
_TITLE = re.compile(
    r"\b(?:dr|mr|mrs|ms|miss|mx|prof|rev|doctor|pc|dc|ds|di|sgt|nurse)\b\.?\s*(?:[a-z]\.\s*)*([a-z][\w'-]*)", re.I
)
_FAMILY = re.compile(r"\b([A-Za-z'-]+?)s?\s+(?:family|household|twins|siblings)\b|\bthe\s+([A-Z][a-z'-]+)s\b")
_SCHOOL = re.compile(r"\b([A-Z][\w'-]+)\s+(?:school|primary|secondary|academy|nursery|college|infants|juniors)\b", re.I)
_CUED = re.compile(rf"\b(?:{_PERSON})\b[\s,:]+([^\W\d_]+)", re.I)
_WORDS = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_NOT_A_NAME_AFTER_TITLE = frozenset("and or the of to a an in on for with was is were are at by from".split())  # noqa: SIM905
# Words before "family" that describe it rather than name it.
_DESCRIBING = frozenset(
    (  # noqa: SIM905 - a list of words reads best as words
        "the a an this that whole wider extended birth foster kinship adoptive host blended nuclear same other "
        "new young large small single two one both each every their his her muslim christian jewish hindu sikh "
        "buddhist black white asian mixed british english polish roma romany traveller gypsy irish african "
        "caribbean somali turkish kurdish bangladeshi pakistani indian chinese vietnamese eritrean afghan "
        "syrian ukrainian whose child's mother's father's virtual local special independent state faith pupil "
        "referral new previous current"
    ).split()
)


def _readable(text: str) -> str:
    """As a reader sees it: entities decoded, hidden characters as spaces, marks and accents dropped,
    any script's digits as ASCII digits."""
    text = unicodedata.normalize("NFKD", html.unescape(text)).translate(_HIDDEN)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return "".join(str(unicodedata.digit(ch)) if ch.isdigit() and not ch.isascii() else ch for ch in text)


def _other_script(text: str) -> bool:
    return any(ch.isalpha() and not unicodedata.name(ch, "LATIN").startswith("LATIN") for ch in text)


def _a_name(word: str) -> bool:
    return is_first_name(word) and not is_vocabulary(word) and word.lower() not in EVERYDAY_WORDS


def problems(text: str) -> list[str]:
    """What in ``text`` must change before it can be saved, in words an auditor acts on (never quoting it)."""
    text = _readable(text)
    found = [what for what, pattern in _RULES if pattern.search(text)]
    if _other_script(text):
        found.append("letters of another alphabet (write in English: names are often written that way)")
    spaced = _CAMEL.sub(" ", re.sub(r"[._/\\]+", " ", text))
    words = [(m.group(0), m.start()) for m in _WORDS.finditer(spaced)]
    for index, (word, _) in enumerate(words):
        after_saint = index and words[index - 1][0].lower().rstrip(".") in ("st", "saint")
        if word[:1].isupper() and _a_name(word) and not after_saint:
            found.append("a first name (write the person's role instead)")
            break
    if any(_a_name(m.group(1)) for m in _CUED.finditer(spaced)):
        found.append("a name after a word for a person (child, mother, sister …)")
    for match in _TITLE.finditer(text):
        if match.group(1).lower() not in _NOT_A_NAME_AFTER_TITLE and not is_vocabulary(match.group(1)):
            found.append("a title with a name (Dr, Mr, Mrs, PC …)")
            break
    for match in _FAMILY.finditer(spaced):
        word = match.group(1) or match.group(2)
        if word and word.lower() not in _DESCRIBING and not is_vocabulary(word) and word.lower() not in EVERYDAY_WORDS:
            found.append("a family's surname")
            break
    for match in _SCHOOL.finditer(spaced):
        word = match.group(1)
        if word[:1].isupper() and not is_vocabulary(word) and word.lower() not in EVERYDAY_WORDS | _DESCRIBING:
            found.append("the name of a school or nursery")
            break
    return list(dict.fromkeys(found))
