"""Dates of birth: a date next to a birth cue, however it is written.

Days may be numbers or words ("the third of April 2015"); a birth date may be partial ("born
March 2017", "born 03/2017"), which with the rest of a resource still points at one child. A
date on its own (published, reviewed, met) is not a finding.
"""

import bisect
import re
from collections.abc import Iterable

from .masking import mask
from .types import HIGH, LOW, Finding, Kind

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_UNITS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
_DAY_WORD = (
    rf"(?:{_UNITS}|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
    rf"|nineteenth|twentieth|twenty[- ]?(?:{_UNITS})|thirtieth|thirty[- ]?first)"
)
_DAY = rf"(?:(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?|{_DAY_WORD})"
_YEAR = r"(?:19|20)\d{2}"
_DATE = re.compile(
    rf"(?i)(?<![\w/.-])(?:"
    rf"(?:0?[1-9]|[12][0-9]|3[01])(?P<s1>[/.-])(?:0?[1-9]|1[0-2])(?P=s1)(?:19|20)?\d{{2}}"  # 01/02/2015, 1.2.15
    rf"|(?:0?[1-9]|[12][0-9]|3[01]) {{1,2}}(?:0?[1-9]|1[0-2]) {{1,2}}{_YEAR}"  # 03 04 2015
    rf"|{_YEAR}(?P<s2>[/.-])(?:0?[1-9]|1[0-2])(?P=s2)(?:0?[1-9]|[12][0-9]|3[01])"  # 2015-02-01, 2015/04/03
    rf"|{_DAY}(?: of)? {_MONTH},? {_YEAR}"  # 1 February 2015, 1st of Feb 2015, third of April 2015
    rf"|{_MONTH} (?:the )?{_DAY},? {_YEAR}"  # Feb 1st 2015, February 1, 2015
    rf")(?![\w/-])"
)
# Month and year only: "March 2017", "03/2017", "03 2017" (a file name spelt out), "2017-03".
_MONTH_YEAR = re.compile(
    rf"(?i)(?<![\w/.-])(?:{_MONTH},? {_YEAR}|(?:0?[1-9]|1[0-2])(?:[/.-]| {{1,2}}){_YEAR}|{_YEAR}-(?:0[1-9]|1[0-2]))"
    r"(?![\w/-]|\.\d)"
)
_STRONG_CUE = re.compile(
    r"(?i)(?:\bdob\b|\bd\.o\.b\b\.?|\bd/o/b\b|\bdate of birth\b|\bbirth ?date\b|\bbirthday\b|\bb\.[ :]{0,2}$)"
)
_BORN = re.compile(r"(?i)\bborn\b")
_BORN_GAP = re.compile(r"(?i)^[\s:,(-]{0,4}(?:on |in )?(?:the )?$")
_AFTER_DATE_CUE = re.compile(r"(?i)^[\s(,:-]{0,3}(?:dob|d\.o\.b|d/o/b|date of birth|born)\b")


def _before(text: str, start: int, width: int) -> str:
    return text[max(0, start - width) : start]


def _dob_confidence(text: str, start: int, end: int) -> str | None:
    before = _before(text, start, 30)
    if _STRONG_CUE.search(before) or _AFTER_DATE_CUE.search(text[end : end + 20]):
        return HIGH
    # "born" reads as a birth date only right before the date; further away it may be prose.
    window = _before(text, start, 40)
    born = list(_BORN.finditer(window))
    if born:
        gap = window[born[-1].end() :]
        if _BORN_GAP.match(gap):
            return HIGH
        return None if re.search(r"[.,;]", gap) else LOW  # a clause break: "born out of X, published …"
    return None


def detect_dates_of_birth(text: str) -> Iterable[Finding]:
    """A full or partial date next to a birth cue: must-remove right after the cue, a warning further off."""
    full_dates: list[tuple[int, int]] = []  # in order of start, for a bisect below
    for m in _DATE.finditer(text):
        full_dates.append((m.start(), m.end()))
        confidence = _dob_confidence(text, m.start(), m.end())
        if confidence:
            yield Finding(Kind.DATE_OF_BIRTH, confidence, m.start(), m.end(), mask(m.group(), keep=2))
    for m in _MONTH_YEAR.finditer(text):  # "born in March 2015", "born 03/2017": month and year only
        i = bisect.bisect_right(full_dates, (m.start(), len(text)))
        if i > 0 and full_dates[i - 1][1] > m.start():
            continue  # part of a full date, read above
        confidence = _dob_confidence(text, m.start(), m.end())
        if confidence:
            yield Finding(Kind.DATE_OF_BIRTH, confidence, m.start(), m.end(), mask(m.group(), keep=2))
