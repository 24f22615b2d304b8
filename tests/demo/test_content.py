"""The demo network's content: valid import data, repeatable attachments, no personal data.

Plain functions with no database: they read demo/content/resources.json and the
attachment text, and generate the attachments into temporary folders.
"""

import datetime
import json
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from demo.attachments import ATTACHMENT_ONLY_PHRASES, ATTACHMENTS
from demo.files import write_attachments
from resources.enums import AUDIENCES, CP_STAGES, SOS_ELEMENTS, ResourceType
from resources.publishers import PUBLISHERS

DEMO_JSON = Path(__file__).resolve().parents[2] / "demo" / "content" / "resources.json"
RESOURCES: list[dict] = json.loads(DEMO_JSON.read_text(encoding="utf-8"))["resources"]

PUBLISHER_SLUGS = {slug for _, _, slug, _, _ in PUBLISHERS}
PAN_LONDON = {"london-councils", "regional-safeguarding-advisers-office"}
ROLE_MAILBOXES = {
    "adviser",
    "conference-chairs",
    "cp-practice",
    "learning",
    "mash",
    "practice-development",
    "practice-exchange",
    "quality-assurance",
    "safeguarding-partnership",
    "workforce-development",
}
# The date the demo is set at: "overdue" and "due soon" are judged against it.
DEMO_TODAY = datetime.date(2026, 11, 1)
PDFS = sorted(name for name in ATTACHMENTS if name.endswith(".pdf"))
DOCXS = sorted(name for name in ATTACHMENTS if name.endswith(".docx"))


def key(resource: dict) -> str:
    return f"{resource['borough']}/{resource['source_id']}"


def attachment_names(resource: dict) -> list[str]:
    return [path.removeprefix("files/") for path in resource["attachments"]]


def spec_text(spec: dict) -> str:
    parts = [spec["title"]]
    for section in spec["sections"]:
        parts += [section["heading"], *section["paragraphs"]]
        table = section.get("table")
        if table:
            parts += table["columns"] + [cell for row in table["rows"] for cell in row]
    return "\n".join(parts)


def squash(text: str) -> str:
    """Case- and whitespace-insensitive form, since PDF extraction breaks lines anywhere."""
    return " ".join(text.split()).casefold()


def pdf_text(path: Path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(path).pages)


def docx_text(path: Path) -> str:
    document = Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join([p.text for p in document.paragraphs] + cells)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    paths = write_attachments(tmp_path_factory.mktemp("demo"))
    return {path.name: path for path in paths}


# --- Generated files -------------------------------------------------------


def test_every_attachment_is_generated_into_files_folder(tmp_path):
    paths = write_attachments(tmp_path)
    assert sorted(p.name for p in paths) == sorted(ATTACHMENTS)
    assert all(p.parent == tmp_path / "files" and p.stat().st_size > 0 for p in paths)


def test_generated_files_are_byte_for_byte_repeatable(tmp_path):
    first = write_attachments(tmp_path / "one")
    second = write_attachments(tmp_path / "two")
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


@pytest.mark.parametrize("name", PDFS)
def test_pdf_text_is_extractable_and_holds_its_phrase(generated, name):
    reader = PdfReader(generated[name])
    text = squash(pdf_text(generated[name]))
    assert squash(ATTACHMENTS[name]["title"]) in text
    assert squash(ATTACHMENT_ONLY_PHRASES[name]) in text
    assert f"page {len(reader.pages)}" in text
    assert reader.metadata.author == "London Practice Exchange"


@pytest.mark.parametrize("name", DOCXS)
def test_docx_text_holds_its_phrase(generated, name):
    text = squash(docx_text(generated[name]))
    assert squash(ATTACHMENTS[name]["title"]) in text
    assert squash(ATTACHMENT_ONLY_PHRASES[name]) in text


@pytest.mark.parametrize("name", DOCXS)
def test_docx_metadata_is_fixed_and_names_no_person(generated, name):
    properties = Document(str(generated[name])).core_properties
    assert properties.author == properties.last_modified_by == "London Practice Exchange"
    assert properties.created.date() == properties.modified.date() == datetime.date(2024, 1, 1)
    assert "python-docx" not in (properties.comments + properties.author)
    with zipfile.ZipFile(generated[name]) as package:
        assert {info.date_time for info in package.infolist()} == {(2024, 1, 1, 0, 0, 0)}
        assert package.namelist()[0] == "[Content_Types].xml"


def test_template_docx_has_a_table_to_fill_in(generated):
    document = Document(str(generated["strategy-meeting-record-template.docx"]))
    assert document.tables
    assert any(cell.text == "" for table in document.tables for row in table.rows for cell in row.cells)


# --- Attachment text -------------------------------------------------------


def test_enough_attachments_of_both_kinds():
    assert len(ATTACHMENTS) >= 12
    assert len(PDFS) >= 5
    assert len(DOCXS) >= 5
    assert set(ATTACHMENTS) == set(PDFS) | set(DOCXS)


def test_attachments_in_json_and_in_text_module_match():
    referenced = {name for resource in RESOURCES for name in attachment_names(resource)}
    assert referenced == set(ATTACHMENTS)
    assert set(ATTACHMENT_ONLY_PHRASES) == set(ATTACHMENTS)
    for resource in RESOURCES:
        assert all(path.startswith("files/") for path in resource["attachments"]), key(resource)


@pytest.mark.parametrize("name", sorted(ATTACHMENTS))
def test_attachment_has_two_to_four_sections_of_real_text(name):
    spec = ATTACHMENTS[name]
    assert 2 <= len(spec["sections"]) <= 4
    for section in spec["sections"]:
        assert section["heading"].strip()
        assert section["paragraphs"] or section.get("table"), section["heading"]
    # Paragraph text alone (not table cells) must be substantial: it is what search extracts first.
    words = sum(len(p.split()) for s in spec["sections"] for p in s["paragraphs"])
    assert words >= 40


@pytest.mark.parametrize("name", sorted(ATTACHMENTS))
def test_attachment_text_fits_the_standard_pdf_fonts(name):
    """reportlab's built-in fonts cover cp1252 only; anything else would print as a black box."""
    spec_text(ATTACHMENTS[name]).encode("cp1252")


@pytest.mark.parametrize("name", sorted(ATTACHMENTS))
def test_attachment_only_phrase_is_in_the_file_and_no_resource(name):
    phrase = squash(ATTACHMENT_ONLY_PHRASES[name])
    assert phrase in squash(spec_text(ATTACHMENTS[name]))
    for resource in RESOURCES:
        visible = squash(" ".join([resource["title"], resource["summary"], resource["body"]]))
        assert phrase not in visible, f"{name}: phrase also in {key(resource)}"


# --- The import file -------------------------------------------------------


def test_network_is_big_and_spread_across_london():
    publishers = Counter(resource["borough"] for resource in RESOURCES)
    assert len(RESOURCES) >= 64
    assert len(set(publishers) - PAN_LONDON) >= 14
    assert set(publishers) >= PAN_LONDON


def test_every_type_is_used_at_least_five_times():
    types = Counter(resource["type"] for resource in RESOURCES)
    assert set(types) == set(ResourceType.values)
    # Audit findings come from finished audit rounds: the demo has one (demo/content/audit.json).
    assert types.pop(ResourceType.AUDIT_FINDINGS) == 1
    assert min(types.values()) >= 5


def test_source_ids_are_unique_per_publisher_and_titles_unique():
    assert len({key(r) for r in RESOURCES}) == len(RESOURCES)
    assert len({r["title"] for r in RESOURCES}) == len(RESOURCES)


def test_slugs_come_from_the_vocabularies():
    stages = {slug for slug, _, _ in CP_STAGES}
    elements = {slug for slug, _, _ in SOS_ELEMENTS}
    audiences = {slug for slug, _, _ in AUDIENCES}
    for resource in RESOURCES:
        assert resource["borough"] in PUBLISHER_SLUGS, key(resource)
        assert resource["type"] in ResourceType.values, key(resource)
        assert set(resource["cp_stages"]) <= stages, key(resource)
        assert set(resource["sos_elements"]) <= elements, key(resource)
        assert set(resource["audiences"]) <= audiences and resource["audiences"], key(resource)
        assert re.fullmatch(r"[a-z]{2,4}-\d{3}", resource["source_id"]), key(resource)


def test_summaries_and_bodies_are_the_right_size_and_shape():
    for resource in RESOURCES:
        assert 100 <= len(resource["summary"]) <= 400, key(resource)
        assert "\n" not in resource["summary"], key(resource)
        assert 250 <= len(resource["body"].split()) <= 600, key(resource)
        headings = [line for line in resource["body"].splitlines() if line.startswith("## ")]
        assert 2 <= len(headings) <= 4, key(resource)


def test_practice_examples_are_attributed_to_a_role():
    for resource in RESOURCES:
        for paragraph in resource["body"].split("\n\n"):
            if paragraph.startswith(">"):
                lines = paragraph.splitlines()
                assert len(lines) == 2 and lines[1].startswith("> — "), key(resource)


def test_tags_are_shared_vocabulary():
    tags = Counter(tag for resource in RESOURCES for tag in resource["tags"])
    assert 40 <= len(tags) <= 60
    assert sum(1 for count in tags.values() if count >= 5) >= 15
    for resource in RESOURCES:
        assert 3 <= len(resource["tags"]) <= 7, key(resource)
        assert len(set(resource["tags"])) == len(resource["tags"]), key(resource)


def test_dates_are_spread_and_some_reviews_are_overdue():
    published = [datetime.date.fromisoformat(r["published"]) for r in RESOURCES]
    review_due = [datetime.date.fromisoformat(r["review_due"]) for r in RESOURCES]
    assert all(datetime.date(2022, 1, 1) <= day <= datetime.date(2026, 10, 31) for day in published)
    assert {day.year for day in published} == {2022, 2023, 2024, 2025, 2026}
    assert all(due >= day for day, due in zip(published, review_due, strict=True))
    overdue = sum(1 for due in review_due if due < DEMO_TODAY)
    assert 6 <= overdue <= 10
    due_soon = sum(1 for due in review_due if datetime.date(2026, 12, 1) <= due <= datetime.date(2027, 1, 31))
    assert due_soon >= 3
    yearly = sum(1 for day, due in zip(published, review_due, strict=True) if due == day.replace(year=day.year + 1))
    assert yearly > len(RESOURCES) / 2


def test_contacts_are_roles_with_role_mailboxes():
    for resource in RESOURCES:
        local, _, domain = resource["contact_email"].partition("@")
        assert local in ROLE_MAILBOXES, key(resource)
        assert domain == f"{resource['borough']}.example", key(resource)
        assert re.search(r"Manager|Lead|Head|Adviser|Worker|Nurse", resource["contact_name"]), key(resource)
        assert re.fullmatch(r"\d+\.\d+", resource["version"]), key(resource)


def test_related_references_resolve():
    keys = {key(r) for r in RESOURCES}
    for resource in RESOURCES:
        assert len(resource["related"]) <= 3, key(resource)
        assert set(resource["related"]) <= keys - {key(resource)}, key(resource)


# --- Personal data ---------------------------------------------------------

TEN_DIGITS = re.compile(r"(?<!\d)\d{10}(?!\d)|\b\d{3}[ -]\d{3}[ -]\d{4}\b")
PHONE = re.compile(r"\+44|\b0\d{2,4}[ -]?\d{3,4}[ -]?\d{3,4}\b")
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")
BIRTH_DATE = re.compile(r"\b(?:DOB|D\.O\.B|date of birth|born on)\b\W{0,5}\d", re.IGNORECASE)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
CASE_LABEL = re.compile(r"\b(?:Child|Baby|Sibling|Mother|Father|Family) [A-Z]\b")
# Common first names that are not also everyday English words, so a hit is a real name.
FIRST_NAMES = re.compile(
    r"\b(?:Oliver|Amelia|Olivia|Muhammad|Mohammed|Noah|Isla|George|Harry|Jack|Leo|Oscar|Freya|"
    r"Sophia|Emily|Charlie|Alfie|Arthur|Jacob|Thomas|Daniel|Sarah|Jessica|Aisha|Fatima|Amir|"
    r"Priya|Tyler|Chloe|Liam|Ella|Mary|John|David|Michael|Emma|Sophie|Kayla|Jayden)\b"
)


def all_demo_text() -> Iterator[tuple[str, str]]:
    for resource in RESOURCES:
        for field, value in resource.items():
            values = value if isinstance(value, list) else [value]
            for text in values:
                yield f"{key(resource)} {field}", str(text)
    for name, spec in ATTACHMENTS.items():
        yield name, spec_text(spec)


def test_no_personal_data_anywhere():
    for where, text in all_demo_text():
        for pattern in (TEN_DIGITS, PHONE, POSTCODE, BIRTH_DATE, CASE_LABEL, FIRST_NAMES):
            assert not pattern.search(text), f"{where}: {pattern.search(text).group()!r}"
        for email in EMAIL.findall(text):
            local, _, domain = email.partition("@")
            assert local in ROLE_MAILBOXES, f"{where}: {email}"
            assert domain.removesuffix(".example") in PUBLISHER_SLUGS, f"{where}: {email}"


def test_personal_data_check_catches_what_it_should():
    """Guard the guards: each pattern fires on a made-up example of what it forbids."""
    assert TEN_DIGITS.search("NHS number 943 476 5919")
    assert PHONE.search("call 020 7946 0000")
    assert POSTCODE.search("lives at N1 9XX")
    assert BIRTH_DATE.search("DOB: 01/02/2020") and BIRTH_DATE.search("date of birth 3 May")
    assert CASE_LABEL.search("Child A was seen")
    assert FIRST_NAMES.search("Oliver said")
    assert EMAIL.search("someone@example.com")


def test_generated_files_hold_no_personal_data(generated):
    for name, path in generated.items():
        text = pdf_text(path) if name.endswith(".pdf") else docx_text(path)
        for pattern in (TEN_DIGITS, PHONE, POSTCODE, BIRTH_DATE, FIRST_NAMES):
            assert not pattern.search(text), f"{name}: {pattern.search(text).group()!r}"
        if name.endswith(".docx"):
            with zipfile.ZipFile(path) as package:
                core = package.read("docProps/core.xml").decode()
            assert "python-docx" not in core


def test_pdf_dates_are_pinned(generated):
    """invariant=1 pins reportlab's dates; a real timestamp would make the output unrepeatable."""
    for name in PDFS:
        metadata = PdfReader(generated[name]).metadata
        assert metadata["/CreationDate"].startswith("D:20000101"), name
        assert metadata["/ModDate"].startswith("D:20000101"), name
