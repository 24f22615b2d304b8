"""The labelled set for measuring the guard per place, end to end: each row is a value put in one
place a reader or a URL can show, labelled with whether it must block (True) or pass (False).

Free-text places (title, summary, body, tags, contact name, SEO fields, attachment text and
every attachment format) take the snippets of ``guard_cases`` and ``guard_cases_spellings``;
places with a shape of their own (version, slug, source id, contact email, file names) have
their own rows. Every value is synthetic, as in those modules.
"""

from tests.resources.guard_cases import CASES
from tests.resources.guard_cases_outside import OUTSIDE_CASES
from tests.resources.guard_cases_spellings import SPELLING_CASES

Row = tuple[str, bool]


def _blocks(expected: set[str]) -> bool:
    return any(":" not in label for label in expected)


TEXTS: list[Row] = [(text, _blocks(expected)) for text, expected in [*CASES, *SPELLING_CASES, *OUTSIDE_CASES]]


def sample(rows: list[Row], size: int) -> list[Row]:
    """An even spread of ``size`` rows, keeping the mix of blocking and passing ones."""
    step = max(1, len(rows) // size)
    return rows[::step][:size]


VERSIONS: list[Row] = [
    ("NHS 9990126704", True),
    ("DOB 03/04/2015", True),
    ("SE15 3ZZ", True),
    ("07700 900123", True),
    ("CR-123456", True),
    ("NI AB123456C", True),
    ("Oliver Sample", True),
    ("Mosaic ID 1234567", True),
    ("999 012 6704", True),
    ("b. 03.04.2015", True),
    ("12 Mare Street", True),
    ("CP/2023/00123", True),
    ("1.0", False),
    ("2.1", False),
    ("v3.2 2024", False),
    ("2023/24", False),
    ("Section 47", False),
    ("April 2024", False),
    ("E09000007", False),
    ("3.0.1", False),
    ("Draft 4", False),
    ("2024-04-01", False),
    ("WT 2023", False),
    ("ICPC v2", False),
    ("Revised 01/04/2024", False),
    ("Mrs Tester's copy", True),
    ("born March 2017", True),
    ("Munro (2011) edition", False),
]

SLUGS: list[Row] = [
    ("oliver-sample-chronology", True),
    ("nhs-999-012-6704", True),
    ("nhs-9990126704-health-chronology", True),
    ("dob-03-04-2015-core-group", True),
    ("family-at-se15-3zz", True),
    ("mum-07700-900123", True),
    ("cr-123456-strategy-meeting", True),
    ("amelia-tester-section-47", True),
    ("12-mare-street-visit", True),
    ("parent-sample-at-gmail-dot-com", True),
    ("mosaic-id-1234567", True),
    ("ni-ab-12-34-56-c", True),
    ("strategy-meeting-record-template", False),
    ("section-47-enquiries", False),
    ("working-together-2023", False),
    ("icpc-within-15-working-days", False),
    ("signs-of-safety-assessment-map", False),
    ("three-houses-tool", False),
    ("waltham-forest-mash-guide", False),
    ("e09000007-camden", False),
    ("policy-2024-04-01", False),
    ("core-group-10-working-days", False),
    ("rcpc-within-3-months", False),
    ("camden-chronology-guide-v2", False),
    ("tower-hamlets-strategy-discussions", False),
    ("mrs-tester-home-visit", True),
    ("rhys-sample-tester-chronology", True),
    ("born-march-2017-core-group", True),
    ("nhs-9-9-9-0-1-2-6-7-0-4", True),
    ("family-e-5-9-z-z", True),
    ("munro-2011-review-summary", False),
    ("turnell-and-edwards-1999-signs-of-safety", False),
    ("brandon-et-al-2020-neglect", False),
]

SOURCE_IDS: list[Row] = [
    ("cam-nhs-9990126704", True),
    ("cam-999-012-6704", True),
    ("oliver-sample-001", True),
    ("cam-dob-03-04-2015", True),
    ("se15-3zz-cam", True),
    ("cr-123456", True),
    ("mosaic-id-1234567", True),
    ("cam_07700_900123_mum", True),
    ("amelia_tester_2021", True),
    ("cam-cp-2023-00123", True),
    ("cam-001", False),
    ("hack-014", False),
    ("th-2024-03", False),
    ("lscp-2023-07", False),
    ("cam-s47-guide", False),
    ("wt2023-ch3", False),
    ("e09000012-001", False),
    ("cam-icpc-15-days", False),
    ("sos-map-v2", False),
    ("cam-2024-04-01", False),
    ("cam-mrs-tester-01", True),
    ("hack_kian_sample_tester", True),
    ("munro-2011-ch2", False),
    ("brandon-2020-neglect", False),
]

CONTACT_EMAILS: list[Row] = [
    ("parent.sample@gmail.com", True),
    ("mum1234@hotmail.co.uk", True),
    ("carer77@yahoo.com", True),
    ("info@gmail.com", True),
    ("family.tester@outlook.com", True),
    ("yp2008@icloud.com", True),
    ("dad.sample@btinternet.com", True),
    ("someone@example.com", True),
    ("worker99@privateagency.co.uk", True),
    ("grandparent@live.co.uk", True),
    ("quality@camden.gov.uk", False),
    ("mash@hackney.gov.uk", False),
    ("lscp@londoncouncils.gov.uk", False),
    ("cp.adviser@islington.gov.uk", False),
    ("safeguarding@met.police.uk", False),
    ("first.last@nhs.net", False),
    ("conference-chairs@camden.example", False),
    ("duty@rbkc.gov.uk", False),
    ("team@lbbd.gov.uk", False),
    ("cp-practice@sutton.gov.uk", False),
]

FILE_NAMES: list[Row] = [
    ("oliver-sample-chronology.txt", True),
    ("nhs-9990126704.txt", True),
    ("NHS 999 012 6704 letter.txt", True),
    ("dob_03-04-2015_minutes.txt", True),
    ("family-se15-3zz.txt", True),
    ("mum-07700900123.txt", True),
    ("CR-123456 strategy.txt", True),
    ("amelia_tester_plan.txt", True),
    ("12 Mare Street visit.txt", True),
    ("mosaic-id-1234567.txt", True),
    ("strategy-meeting-record.txt", False),
    ("section-47-checklist.txt", False),
    ("working-together-2023-summary.txt", False),
    ("icpc-timescales.txt", False),
    ("sos-assessment-map.txt", False),
    ("three-houses.txt", False),
    ("camden-mash-guide-v2.txt", False),
    ("policy-2024-04-01.txt", False),
    ("E09000007-camden-audit.txt", False),
    ("core-group-minutes-template.txt", False),
    ("Mrs Tester letter.txt", True),
    ("finley-mctester-plan.txt", True),
    ("NHS 9 9 9 0 1 2 6 7 0 4.txt", True),
    ("born 03-2017 notes.txt", True),
    ("munro-2011-summary.txt", False),
    ("turnell-edwards-1999-notes.txt", False),
]
