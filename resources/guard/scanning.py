"""Running every detector over one text and keeping the surest finding where they overlap."""

import bisect

from .detectors import DETECTORS
from .types import HIGH, Finding


def scan(text: str | None) -> list[Finding]:
    """Every suspected piece of personal data in ``text``, in order of position.

    Where detectors claim overlapping text, the surer finding wins (high over low), then
    the earlier detector in ``DETECTORS`` (an NHS number is not also reported as a phone
    number), then the longer match.
    """
    if not text:
        return []
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
