"""Found from outside: identifiers disguised with invisible characters, full-width digits or
Cyrillic look-alike letters passed the guard. It reads text as a reader sees it."""

import pytest

from resources.guard import HIGH, Kind, scan

# Synthetic values: an NHS number in the test range, a drama-range mobile, an invented name.
DISGUISED = [
    ("zero-width spaces", "NHS 999\u200b000\u200b0018 on the referral"),
    ("soft hyphens", "NHS 999\u00ad000\u00ad0018 on the referral"),
    ("word joiners", "NHS 999\u2060000\u20600018 on the referral"),
    ("full-width digits", "Mum's mobile ０７７００ ９００１２３"),
    ("Cyrillic look-alikes", "Mother Kаyleigh Brennаn declined"),
]


@pytest.mark.parametrize(("how", "text"), DISGUISED, ids=[how for how, _ in DISGUISED])
def test_a_disguised_identifier_is_found_where_it_stands(how, text):
    findings = [f for f in scan(text) if f.confidence == HIGH]
    assert findings, how
    # Positions are the original text's: the span found is the disguised value itself.
    for finding in findings:
        found = text[finding.start : finding.end]
        assert found.strip() and found[0].isalnum() and found[-1].isalnum(), found


@pytest.mark.parametrize(
    "text",
    ["Section 47 enquiry …", "ICPC within 15 working days – see “Working Together 2023”", "Café meeting, ﬁrst floor"],
)
def test_typography_alone_is_not_personal_data(text):
    assert not [f for f in scan(text) if f.confidence == HIGH]


@pytest.mark.parametrize(
    "text", ["Seen with HARRIET THOMPSON at home.", "kEvIn wIlLiAmS was present", "MARGARET O'BRIEN"]
)
def test_names_in_capitals_or_odd_case_are_found(text):
    assert Kind.PERSON_NAME in {finding.kind for finding in scan(text)}


@pytest.mark.parametrize(
    "text", ["The MASH, LADO and ICPC were told.", "WORKING TOGETHER 2023", "CHILD PROTECTION CONFERENCE REPORT"]
)
def test_capitalised_abbreviations_and_headings_pass(text):
    assert scan(text) == []
