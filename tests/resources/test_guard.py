"""The personal-data guard: measured precision and recall per detector, masking, robustness."""

import itertools
import re
from collections import defaultdict

import pytest

from resources.guard import HIGH, LOW, Finding, Kind, scan
from resources.guard.detectors import email_domain_allowed, nhs_check_digit_ok
from resources.guard.masking import mask, mask_email
from tests.resources.guard_cases import CASES as FIRST_CASES
from tests.resources.guard_cases_outside import OUTSIDE_CASES
from tests.resources.guard_cases_spellings import SPELLING_CASES

CASES = [*FIRST_CASES, *SPELLING_CASES, *OUTSIDE_CASES]

MIN_RECALL = 0.95
MIN_PRECISION = 0.9


def _counts(level: str) -> dict[str, dict[str, int]]:
    """True/false positives and false negatives per kind at one confidence level.

    A case labelled "<kind>" expects a high finding of that kind; "<kind>:low" expects a
    low one and no high one. Every finding not labelled counts against precision.
    """
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    for text, expected in CASES:
        found = {f.kind.value for f in scan(text) if f.confidence == level}
        wanted = {label for label in expected if ":" not in label} if level == HIGH else set()
        if level == LOW:
            wanted = {label.split(":")[0] for label in expected if label.endswith(":low")}
        for kind in Kind:
            c = counts[kind.value]
            c["tp"] += kind in found and kind in wanted
            c["fp"] += kind in found and kind not in wanted
            c["fn"] += kind in wanted and kind not in found
    return counts


def _rates(c: dict[str, int]) -> tuple[float, float]:
    precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    recall = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    return precision, recall


def _table(level: str, counts: dict[str, dict[str, int]]) -> str:
    rows = [f"{level:5} {'kind':15} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>6} {'recall':>6}"]
    for kind, c in sorted(counts.items()):
        precision, recall = _rates(c)
        rows.append(f"{'':5} {kind:15} {c['tp']:4} {c['fp']:4} {c['fn']:4} {precision:6.2f} {recall:6.2f}")
    return "\n".join(rows)


def _misses(kind: str) -> str:
    lines = []
    for text, expected in CASES:
        got = {f"{f.kind}{'' if f.confidence == HIGH else ':low'}" for f in scan(text)}
        if {g for g in got if g.startswith(kind)} != {e for e in expected if e.startswith(kind)}:
            lines.append(f"  {text!r}: expected {sorted(expected)}, got {sorted(got)}")
    return "\n".join(lines)


def test_labelled_set_is_large_and_covers_every_kind():
    assert len(CASES) >= 170
    labels = {label for _, expected in CASES for label in expected}
    assert {kind.value for kind in Kind} <= labels
    assert sum(1 for _, expected in CASES if not expected) >= 60


@pytest.mark.parametrize("kind", [kind.value for kind in Kind])
def test_high_confidence_precision_and_recall(kind):
    counts = _counts(HIGH)
    precision, recall = _rates(counts[kind])
    assert recall >= MIN_RECALL and precision >= MIN_PRECISION, (
        f"{kind}: precision {precision:.2f}, recall {recall:.2f}\n{_table(HIGH, counts)}\n{_misses(kind)}"
    )


@pytest.mark.parametrize("kind", [kind.value for kind in Kind])
def test_low_confidence_precision_and_recall(kind):
    counts = _counts(LOW)
    precision, recall = _rates(counts[kind])
    assert recall >= MIN_RECALL and precision >= MIN_PRECISION, (
        f"{kind}: precision {precision:.2f}, recall {recall:.2f}\n{_table(LOW, counts)}\n{_misses(kind)}"
    )


def test_scan_returns_findings_in_order_without_overlaps():
    findings = scan("DOB 01/02/2015, NHS 999 119 5769, mobile 07700 900333, SE15 3ZZ")
    assert [f.kind for f in findings] == [Kind.DATE_OF_BIRTH, Kind.NHS_NUMBER, Kind.PHONE, Kind.POSTCODE]
    assert all(a.end <= b.start for a, b in itertools.pairwise(findings))
    assert all(isinstance(f, Finding) for f in findings)


@pytest.mark.parametrize("text", [None, "", "   ", "A guide to strategy meetings."])
def test_empty_or_clean_text_has_no_findings(text):
    assert scan(text) == []


@pytest.mark.parametrize("text, expected", [case for case in CASES if case[1]])
def test_masked_text_never_reveals_the_value(text, expected):
    for finding in scan(text):
        value = text[finding.start : finding.end]
        assert value not in finding.masked
        assert re.sub(r"\W", "", value) not in re.sub(r"\W", "", finding.masked)
        assert "*" in finding.masked


def test_masking_shapes():
    assert mask("999 123 4567") == "999 *** ****"
    assert mask("N1 9ZZ") == "N* ***"
    assert mask("ab") == "**"
    assert mask_email("parent1234@gmail.com") == "p*********@gmail.com"


def test_nhs_check_digit():
    assert nhs_check_digit_ok("9434765919")
    assert not nhs_check_digit_ok("9434765918")
    assert not nhs_check_digit_ok("0000000000")


def test_email_allow_list_from_settings(settings):
    settings.GUARD_ALLOWED_EMAIL_DOMAINS = ["partner.org.uk"]
    assert scan("a.worker@team.partner.org.uk") == []
    assert [f.kind for f in scan("a.worker@camden.gov.uk")] == [Kind.EMAIL]


def test_email_domain_matching():
    allowed = ["camden.gov.uk", "*.example"]
    assert email_domain_allowed("Camden.gov.uk", allowed)
    assert email_domain_allowed("mail.camden.gov.uk", allowed)
    assert email_domain_allowed("dept.example", allowed)
    assert not email_domain_allowed("notcamden.gov.uk", allowed)
    assert not email_domain_allowed("camden.gov.uk.evil.com", allowed)


@pytest.mark.parametrize(
    "chunk",
    [
        "a." * 10,  # long dotted runs: email local parts and domains
        "1 " * 10,  # digit runs: NHS, phone, case-reference patterns
        "DOB 1/",  # many date starts that never complete
        "ab12 ",  # NI and postcode starts
        "case ref ",  # cue words with no number
        "x" * 60 + "@",  # many at-signs with long local parts
    ],
)
def test_pathological_200kb_input_completes(chunk):
    text = (chunk * (200_000 // len(chunk) + 1))[:200_000]
    findings = scan(text)
    assert isinstance(findings, list)


def test_realistic_200kb_document_is_scanned():
    paragraph = (
        "Strategy meeting held 14/03/2024 at 10:30 (see Policy 4.2.1, Table 3). Child B (DOB 05.06.2017), "
        "NHS 999 064 1439, mobile 07700 900123, SE15 3ZZ, CR-123456, parent1234@gmail.com. "
    )
    text = paragraph * (200_000 // len(paragraph))
    findings = scan(text)
    copies = 200_000 // len(paragraph)
    assert len(findings) == 6 * copies  # DOB, NHS, phone, postcode, case ref, email; never the dates or policy refs
    assert {f.kind for f in findings[-6:]} == {
        Kind.DATE_OF_BIRTH,
        Kind.NHS_NUMBER,
        Kind.PHONE,
        Kind.POSTCODE,
        Kind.CASE_REFERENCE,
        Kind.EMAIL,
    }
