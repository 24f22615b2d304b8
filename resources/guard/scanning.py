"""Running every detector over one text and keeping the surest finding where they overlap."""

import bisect
import dataclasses
import re
import unicodedata

from .detectors import DETECTORS, detect_person_names
from .types import HIGH, Finding

# Characters that hide an identifier from the detectors without changing what a reader sees
# (found from outside: NHS numbers with zero-width spaces or soft hyphens between the digits).
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
# Cyrillic letters drawn like Latin ones ("Kаyleigh" with a Cyrillic а reads as a name).
_LOOKALIKES = str.maketrans("аеорсухіАВЕКМНОРСТХ", "aeopcyxiABEKMHOPCTX")
# A web address hides its words behind "+" and "%20" (a maps link: "?q=14+Any+Road+SE15+3ZZ").
_URL = re.compile(r"(?i)(?:https?://|www\.)[^\s<>\"']{1,2000}")
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")


def scan(text: str | None) -> list[Finding]:
    """Every suspected piece of personal data in ``text``, in order of position.

    Where detectors claim overlapping text, the surer finding wins (high over low), then
    the earlier detector in ``DETECTORS`` (an NHS number is not also reported as a phone
    number), then the longer match. Text disguised with invisible characters, full-width
    forms or look-alike letters is read as a reader sees it, with positions in the original.
    """
    if not text:
        return []
    plain, positions, ends = _as_seen(text)
    if plain == text:
        return _scan(text)
    return [dataclasses.replace(f, start=positions[f.start], end=ends[f.end - 1]) for f in _scan(plain)]


def _as_seen(text: str) -> tuple[str, list[int], list[int]]:
    """The text as a reader sees it (NFKC, no invisible characters, Latin look-alikes, web
    addresses decoded), and for each of its characters where it came from (start and end)."""
    decoded = _decoded_urls(text)
    if text.isascii() and not decoded:
        return text, [], []
    chars: list[str] = []
    positions: list[int] = []
    ends: list[int] = []
    position = 0
    while position < len(text):
        if position in decoded:
            seen, width = decoded[position]
        else:
            char = text[position]
            seen = char if char.isascii() else unicodedata.normalize("NFKC", char.translate(_INVISIBLE))
            seen, width = seen.translate(_LOOKALIKES), 1
        chars.extend(seen)
        positions.extend([position] * len(seen))
        ends.extend([position + width] * len(seen))
        position += width
    return "".join(chars), positions, ends


def _decoded_urls(text: str) -> dict[int, tuple[str, int]]:
    """For each "+" or "%XX" inside a web address, its position: (what it stands for, its width)."""
    found: dict[int, tuple[str, int]] = {}
    if "+" not in text and "%" not in text:
        return found
    for url in _URL.finditer(text):
        for i in range(url.start(), url.end()):
            if text[i] == "+":
                found[i] = (" ", 1)
            elif text[i] == "%" and (m := _ESCAPE.match(text, i)):
                char = chr(int(m.group(1), 16))
                found[i] = (char if char.isprintable() else " ", 3)
    return found


def _scan(text: str) -> list[Finding]:
    candidates = [
        (0 if finding.confidence == HIGH else 1, rank, -(finding.end - finding.start), finding)
        for rank, detector in enumerate(DETECTORS)
        for finding in detector(text)
    ]
    # Names typed in capitals or odd case ("JOHN SMITH", "jOhN sMiTh") read as names are written;
    # only the letters' case changes, so the findings' positions hold in the original.
    recased = _as_names_are_written(text)
    if recased != text:
        rank = DETECTORS.index(detect_person_names)
        candidates += [
            (0 if finding.confidence == HIGH else 1, rank, -(finding.end - finding.start), finding)
            for finding in detect_person_names(recased)
        ]
    # Kept findings never overlap, so only the neighbours by start position can clash.
    starts: list[int] = []
    kept: list[Finding] = []
    for *_, finding in sorted(candidates, key=lambda c: (*c[:3], c[3].start)):
        i = bisect.bisect_left(starts, finding.start)
        if (i and kept[i - 1].end > finding.start) or (i < len(kept) and kept[i].start < finding.end):
            continue
        starts.insert(i, finding.start)
        kept.insert(i, finding)
    return kept


_SHOUTED_RUN = re.compile(r"\b[A-Z][A-Z'\u2019]*[A-Z](?:[ \t-]+[A-Z][A-Z'\u2019]*[A-Z])+\b")
_ODD_WORD = re.compile(r"\b[^\W\d_]{2,}\b")


def _as_names_are_written(text: str) -> str:
    """Runs of capitalised words ("JOHN SMITH") and oddly cased words ("jOhN") with only their first
    letter capital. A capital word on its own is left alone: MASH, ICPC, LADO are abbreviations."""

    def odd(match: re.Match[str]) -> str:
        word = match.group(0)
        return word if word.islower() or word.istitle() or word.isupper() else word.capitalize()

    text = _SHOUTED_RUN.sub(lambda m: re.sub(r"[A-Z]+", lambda w: w.group(0).capitalize(), m.group(0)), text)
    return _ODD_WORD.sub(odd, text)


def has_high_confidence(findings: list[Finding]) -> bool:
    """Whether any finding must block publication."""
    return any(finding.confidence == HIGH for finding in findings)
