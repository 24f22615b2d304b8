"""Running every detector over one text and keeping the surest finding where they overlap."""

import bisect
import dataclasses
import unicodedata

from .detectors import DETECTORS
from .types import HIGH, Finding

# Characters that hide an identifier from the detectors without changing what a reader sees
# (found from outside: NHS numbers with zero-width spaces or soft hyphens between the digits).
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
# Cyrillic letters drawn like Latin ones ("Kаyleigh" with a Cyrillic а reads as a name).
_LOOKALIKES = str.maketrans("аеорсухіАВЕКМНОРСТХ", "aeopcyxiABEKMHOPCTX")


def scan(text: str | None) -> list[Finding]:
    """Every suspected piece of personal data in ``text``, in order of position.

    Where detectors claim overlapping text, the surer finding wins (high over low), then
    the earlier detector in ``DETECTORS`` (an NHS number is not also reported as a phone
    number), then the longer match. Text disguised with invisible characters, full-width
    forms or look-alike letters is read as a reader sees it, with positions in the original.
    """
    if not text:
        return []
    plain, positions = _as_seen(text)
    if plain == text:
        return _scan(text)
    return [dataclasses.replace(f, start=positions[f.start], end=positions[f.end - 1] + 1) for f in _scan(plain)]


def _as_seen(text: str) -> tuple[str, list[int]]:
    """The text as a reader sees it (NFKC, no invisible characters, Latin look-alikes), and for
    each of its characters the position it came from."""
    if text.isascii():
        return text, []
    chars: list[str] = []
    positions: list[int] = []
    for position, char in enumerate(text):
        seen = unicodedata.normalize("NFKC", char.translate(_INVISIBLE)).translate(_LOOKALIKES)
        chars.extend(seen)
        positions.extend([position] * len(seen))
    return "".join(chars), positions


def _scan(text: str) -> list[Finding]:
    candidates = [
        (0 if finding.confidence == HIGH else 1, rank, -(finding.end - finding.start), finding)
        for rank, detector in enumerate(DETECTORS)
        for finding in detector(text)
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


def has_high_confidence(findings: list[Finding]) -> bool:
    """Whether any finding must block publication."""
    return any(finding.confidence == HIGH for finding in findings)
