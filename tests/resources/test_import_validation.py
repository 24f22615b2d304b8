"""Bulk import, reading and validation: every problem is reported, one line each, and nothing is written.

Fixtures (make_row, write_import, attachment, run_import, run_failing_import, stored_state)
are in tests/resources/conftest.py. Problem lines are asserted exactly, as the person
importing reads them.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from resources.enums import AUDIENCES, CP_STAGES, SOS_ELEMENTS
from resources.models import BoroughPage, ResourcePage
from resources.services.import_rows import ImportFileError
from resources.services.importer import import_resources
from tests.factories import ResourcePageFactory

pytestmark = pytest.mark.django_db

TYPES = (
    "sos-tool, practice-guidance, template, audit-tool, audit-findings, case-review-learning, event-notes, "
    "training, research-summary"
)
ALLOWED_FILES = "pdf, docx, xlsx, pptx, odt, txt, csv"
LABEL = "row 1 (source_id cam-1)"


def problems_for(run_failing_import, write_import, *rows) -> list[str]:
    """Import the rows, expecting failure, and return the problem lines printed."""
    result = run_failing_import(write_import(list(rows)))
    assert not ResourcePage.objects.exists(), "a file with problems must write nothing"
    return result.problems


class TestRequiredFields:
    """Each of the five required fields, missing or blank, is named in its own line."""

    @pytest.mark.parametrize("name", ["borough", "title", "type", "summary"])
    @pytest.mark.parametrize("value", [None, "", "   "], ids=["missing", "empty", "blank"])
    def test_missing_field(self, run_failing_import, write_import, make_row, name, value):
        row = make_row()
        if value is None:
            del row[name]
        else:
            row[name] = value
        assert problems_for(run_failing_import, write_import, row) == [f"{LABEL}: {name}: is required"]

    def test_missing_source_id_labels_the_row_by_number_only(self, run_failing_import, write_import, make_row):
        row = make_row()
        del row["source_id"]
        assert problems_for(run_failing_import, write_import, row) == ["row 1: source_id: is required"]

    def test_field_that_is_not_text(self, run_failing_import, write_import, make_row):
        row = make_row(title=42)
        assert problems_for(run_failing_import, write_import, row) == [f"{LABEL}: title: must be text, not int"]


class TestBorough:
    """Publishers are named by ONS name, slug or GSS code, in any case."""

    @pytest.mark.parametrize(
        "spelling",
        ["Kingston upon Thames", "kingston-upon-thames", "E09000021", "e09000021", "KINGSTON UPON THAMES"],
    )
    def test_accepted_spellings(self, run_import, write_import, make_row, spelling):
        run_import(write_import([make_row(borough=spelling)]))
        kingston = BoroughPage.objects.get(slug="kingston-upon-thames")
        resource = ResourcePage.objects.get(source_id="cam-1")
        assert resource.borough == kingston
        assert resource.get_parent().specific == kingston

    def test_pan_london_publisher(self, run_import, write_import, make_row):
        run_import(write_import([make_row(borough="London Councils")]))
        assert ResourcePage.objects.get().borough.slug == "london-councils"

    def test_unknown_borough(self, run_failing_import, write_import, make_row):
        assert problems_for(run_failing_import, write_import, make_row(borough="Gotham")) == [
            f"{LABEL}: borough: 'Gotham' is not a London borough, the City of London or a pan-London publisher"
        ]


class TestVocabularies:
    """Type and facet slugs must be known; the message lists the valid ones."""

    def test_unknown_type_lists_the_valid_slugs_with_the_row_number(self, run_failing_import, write_import, make_row):
        rows = [make_row(n) for n in range(1, 7)] + [make_row(12, type="guidence")]
        assert problems_for(run_failing_import, write_import, *rows) == [
            f"row 7 (source_id cam-12): type: 'guidence' is not one of {TYPES}"
        ]

    @pytest.mark.parametrize(
        ("name", "vocabulary"),
        [("cp_stages", CP_STAGES), ("sos_elements", SOS_ELEMENTS), ("audiences", AUDIENCES)],
    )
    def test_unknown_facet(self, run_failing_import, write_import, make_row, name, vocabulary):
        valid = ", ".join(slug for slug, _, _ in vocabulary)
        row = make_row(**{name: [vocabulary[0][0], "made-up"]})
        assert problems_for(run_failing_import, write_import, row) == [
            f"{LABEL}: {name}: 'made-up' is not one of {valid}"
        ]


class TestTextAndLists:
    """Lengths, list shapes and e-mail addresses."""

    def test_summary_of_400_characters_is_accepted(self, run_import, write_import, make_row):
        run_import(write_import([make_row(summary="s" * 400)]))
        assert len(ResourcePage.objects.get().summary) == 400

    def test_summary_over_400_characters(self, run_failing_import, write_import, make_row):
        assert problems_for(run_failing_import, write_import, make_row(summary="s" * 401)) == [
            f"{LABEL}: summary: is 401 characters long; at most 400 are allowed"
        ]

    @pytest.mark.parametrize(
        ("name", "limit"), [("source_id", 100), ("title", 255), ("contact_name", 150), ("version", 20)]
    )
    def test_other_length_limits(self, run_failing_import, write_import, make_row, name, limit):
        row = make_row(**{name: "x" * (limit + 1)})
        label = f"row 1 (source_id {row['source_id']})"
        assert problems_for(run_failing_import, write_import, row) == [
            f"{label}: {name}: is {limit + 1} characters long; at most {limit} are allowed"
        ]

    def test_tag_over_100_characters(self, run_failing_import, write_import, make_row):
        assert problems_for(run_failing_import, write_import, make_row(tags=["t" * 101])) == [
            f"{LABEL}: tags: '{'t' * 40}' is longer than 100 characters"
        ]

    def test_nul_character_in_text(self, run_failing_import, write_import, make_row):
        assert problems_for(run_failing_import, write_import, make_row(body="Before\x00after")) == [
            f"{LABEL}: body: contains a NUL character"
        ]

    def test_tags_not_a_list(self, run_failing_import, write_import, make_row):
        assert problems_for(run_failing_import, write_import, make_row(tags="neglect")) == [
            f"{LABEL}: tags: must be a list of text values"
        ]

    @pytest.mark.parametrize(
        ("name", "value"),
        [
            ("tags", ["neglect", 3]),
            ("cp_stages", ["referral", None]),
            ("sos_elements", [["mapping"]]),
            ("audiences", [{"slug": "health"}]),
            ("attachments", [7]),
            ("related", [True]),
        ],
    )
    def test_non_text_value_in_a_list(self, run_failing_import, write_import, make_row, name, value):
        assert problems_for(run_failing_import, write_import, make_row(**{name: value})) == [
            f"{LABEL}: {name}: must be a list of text values"
        ]

    def test_invalid_contact_email(self, run_failing_import, write_import, make_row):
        assert problems_for(run_failing_import, write_import, make_row(contact_email="quality-team")) == [
            f"{LABEL}: contact_email: 'quality-team' is not an email address"
        ]

    def test_contact_email_longer_than_the_field_allows(self, run_failing_import, write_import, make_row):
        """Well-formed, so validate_email passes, but 308 characters: the model field holds 254
        and save_revision's full_clean rejects it at write time unless the validator does first."""
        email = "a" * 60 + "@" + ".".join(["b" * 60] * 4) + ".org"
        result = run_failing_import(write_import([make_row(contact_email=email)]))
        assert len(result.problems) == 1
        assert result.problems[0].startswith(f"{LABEL}: contact_email: ")
        assert not ResourcePage.objects.exists()

    def test_unknown_field(self, run_failing_import, write_import, make_row):
        assert problems_for(run_failing_import, write_import, make_row(colour="blue")) == [
            f"{LABEL}: unknown field 'colour'"
        ]

    @pytest.mark.parametrize(("item", "kind"), [("a title", "str"), (5, "int"), ([], "list"), (None, "NoneType")])
    def test_row_that_is_not_an_object(self, run_failing_import, write_import, make_row, item, kind):
        assert problems_for(run_failing_import, write_import, make_row(1), item) == [
            f"row 2: expected an object, got {kind}"
        ]


class TestDates:
    """Dates are YYYY-MM-DD only; review_due may not precede published."""

    @pytest.mark.parametrize("name", ["published", "review_due"])
    @pytest.mark.parametrize(
        ("value", "shown"),
        [
            ("2024-13-01", "2024-13-01"),
            ("01/02/2024", "01/02/2024"),
            ("20240101", "20240101"),
            (2024, "2024"),
            # Ten characters, so it passes the length check, and Python 3.11's
            # date.fromisoformat reads it as an ISO week date (2024-01-01).
            ("2024-W01-1", "2024-W01-1"),
        ],
        ids=["month-13", "dd/mm/yyyy", "no-dashes", "number", "iso-week-date"],
    )
    def test_bad_date(self, run_failing_import, write_import, make_row, name, value, shown):
        row = make_row(published="2023-01-01", review_due="2026-01-01")
        row[name] = value
        assert problems_for(run_failing_import, write_import, row) == [
            f"{LABEL}: {name}: '{shown}' is not a date in the form YYYY-MM-DD"
        ]

    def test_review_due_before_published(self, run_failing_import, write_import, make_row):
        row = make_row(published="2024-06-01", review_due="2024-05-31")
        assert problems_for(run_failing_import, write_import, row) == [f"{LABEL}: review_due: is before published"]

    def test_review_due_before_the_default_published_date(
        self, run_failing_import, write_import, make_row, attachment, stored_state
    ):
        """Without "published" a new resource is published today, so a past review_due precedes it.

        That must be reported like any other problem, before anything is written; the model's
        clean() (run by save_revision) rejects it at write time otherwise.
        """
        attachment("template.pdf")
        late = make_row(2, review_due="2020-01-01")
        del late["published"]
        before = stored_state()
        result = run_failing_import(write_import([make_row(1, attachments=["template.pdf"]), late]))
        assert len(result.problems) == 1
        assert result.problems[0].startswith("row 2 (source_id cam-2): review_due: ")
        assert stored_state() == before


class TestDuplicates:
    """source_id is unique within a borough, however the borough is spelled."""

    def test_same_source_id_twice_in_one_borough(self, run_failing_import, write_import, make_row):
        rows = [make_row(1), make_row(2), make_row(1, borough="E09000007", title="Another guide")]
        assert problems_for(run_failing_import, write_import, *rows) == [
            "row 3 (source_id cam-1): source_id: 'cam-1' appears more than once for Camden"
        ]

    def test_same_source_id_in_two_boroughs_is_fine(self, run_import, write_import, make_row):
        result = run_import(write_import([make_row(1), make_row(1, borough="hackney")]))
        assert result.stdout.strip() == "Created 2, updated 0, unchanged 0 (published)."
        assert sorted(ResourcePage.objects.values_list("borough__slug", flat=True)) == ["camden", "hackney"]


class TestAttachments:
    """Files must exist, stay inside the import folder, and be an allowed type with matching content."""

    def test_missing_file(self, run_failing_import, write_import, make_row):
        assert problems_for(run_failing_import, write_import, make_row(attachments=["missing.pdf"])) == [
            f"{LABEL}: attachments: 'missing.pdf' does not exist"
        ]

    def test_relative_path_outside_the_folder(self, run_failing_import, write_import, make_row, import_dir):
        (import_dir.parent / "x.pdf").write_bytes(b"%PDF-1.4\n")
        assert problems_for(run_failing_import, write_import, make_row(attachments=["../x.pdf"])) == [
            f"{LABEL}: attachments: '../x.pdf' is outside the import file's folder"
        ]

    def test_absolute_path_outside_the_folder(self, run_failing_import, write_import, make_row, import_dir):
        outside = import_dir.parent / "elsewhere.pdf"
        outside.write_bytes(b"%PDF-1.4\n")
        assert problems_for(run_failing_import, write_import, make_row(attachments=[str(outside)])) == [
            f"{LABEL}: attachments: '{outside}' is outside the import file's folder"
        ]

    def test_symlink_to_a_file_outside_the_folder(self, run_failing_import, write_import, make_row, import_dir):
        outside = import_dir.parent / "elsewhere.pdf"
        outside.write_bytes(b"%PDF-1.4\n")
        (import_dir / "link.pdf").symlink_to(outside)
        assert problems_for(run_failing_import, write_import, make_row(attachments=["link.pdf"])) == [
            f"{LABEL}: attachments: 'link.pdf' is outside the import file's folder"
        ]

    @pytest.mark.parametrize("name", ["tool.exe", "page.html", "diagram.svg"])
    def test_disallowed_extension(self, run_failing_import, write_import, make_row, attachment, name):
        attachment(name, b"MZ or <html> or <svg>")
        extension = name.rsplit(".", 1)[1]
        assert problems_for(run_failing_import, write_import, make_row(attachments=[name])) == [
            f"{LABEL}: attachments: '{name}' was refused: "
            f"'.{extension}' files are not accepted (accepted: {ALLOWED_FILES})"
        ]

    def test_pdf_whose_content_is_not_a_pdf(self, run_failing_import, write_import, make_row, attachment):
        attachment("template.pdf", b"<html><script>alert(1)</script></html>")
        assert problems_for(run_failing_import, write_import, make_row(attachments=["template.pdf"])) == [
            f"{LABEL}: attachments: 'template.pdf' was refused: its content is HTML File (.html), which could run code"
        ]

    def test_text_file_that_is_not_text(self, run_failing_import, write_import, make_row, attachment):
        attachment("notes.txt", b"\x00\x01\x02")
        assert problems_for(run_failing_import, write_import, make_row(attachments=["notes.txt"])) == [
            f"{LABEL}: attachments: 'notes.txt' was refused: its content is not plain text"
        ]

    def test_empty_file(self, run_failing_import, write_import, make_row, attachment):
        attachment("template.pdf", b"")
        assert problems_for(run_failing_import, write_import, make_row(attachments=["template.pdf"])) == [
            f"{LABEL}: attachments: 'template.pdf' was refused: it is empty"
        ]


class TestRelated:
    """related must name a row in the file or a resource already on the exchange."""

    def test_reference_that_exists_nowhere(self, run_failing_import, write_import, make_row):
        assert problems_for(run_failing_import, write_import, make_row(related=["camden/cam-404"])) == [
            f"{LABEL}: related: 'camden/cam-404' is neither in this file nor already on the exchange"
        ]

    def test_reference_to_a_source_id_of_another_borough(self, run_failing_import, write_import, make_row):
        ResourcePageFactory(source_id="cam-9")  # exists, but in Camden, not Hackney
        result = run_failing_import(write_import([make_row(related=["hackney/cam-9"])]))
        assert result.problems == [
            f"{LABEL}: related: 'hackney/cam-9' is neither in this file nor already on the exchange"
        ]
        assert not ResourcePage.objects.filter(source_id="cam-1").exists()

    @pytest.mark.parametrize("ref", ["cam-2", "gotham/cam-2", "camden/"])
    def test_malformed_reference(self, run_failing_import, write_import, make_row, ref):
        assert problems_for(run_failing_import, write_import, make_row(related=[ref])) == [
            f"{LABEL}: related: '{ref}' should be '<borough-slug>/<source_id>'"
        ]

    def test_reference_to_a_resource_already_on_the_exchange(self, run_import, write_import, make_row):
        existing = ResourcePageFactory(source_id="cam-9")
        run_import(write_import([make_row(related=["camden/cam-9"])]))
        resource = ResourcePage.objects.get(source_id="cam-1")
        assert [r.resource_id for r in resource.related_resources.all()] == [existing.pk]


class TestFileErrors:
    """A file that cannot be read as a whole gets one clear line, not a traceback."""

    def test_file_not_found(self, run_failing_import, import_dir):
        path = import_dir / "nowhere.json"
        assert str(run_failing_import(path).error) == f"{path}: no such file"

    def test_malformed_json_gives_the_position(self, run_failing_import, import_dir):
        path = import_dir / "broken.json"
        path.write_text('{"resources": [\n  {"source_id": "cam-1",}\n]}')
        message = str(run_failing_import(path).error)
        assert (
            message == f"{path}: not valid JSON: Expecting property name enclosed in double quotes at line 2 column 25"
        )
        assert "line" in message and "column" in message

    def test_empty_json_file(self, run_failing_import, import_dir):
        path = import_dir / "empty.json"
        path.write_text("")
        assert str(run_failing_import(path).error) == f"{path}: not valid JSON: Expecting value at line 1 column 1"

    def test_file_that_is_not_utf8(self, run_failing_import, import_dir):
        path = import_dir / "latin1.json"
        path.write_bytes('{"resources": [{"title": "Caf\u00e9"}]}'.encode("latin-1"))
        assert str(run_failing_import(path).error) == f"{path}: not UTF-8 text (byte 29)"

    @pytest.mark.parametrize("data", [[], {"items": []}, {"resources": {}}, {"resources": None}, "resources"], ids=repr)
    def test_top_level_is_not_an_object_with_a_resources_list(self, run_failing_import, write_import, data):
        path = write_import(data=data)
        assert str(run_failing_import(path).error) == (
            f'{path}: expected an object with a "resources" list, as in {{"resources": [...]}}'
        )

    def test_service_raises_import_file_error(self, import_dir):
        path = import_dir / "broken.json"
        path.write_text("{")
        with pytest.raises(ImportFileError, match="line 1 column 2"):
            import_resources(path)

    def test_command_line_prints_one_line_and_exits_non_zero(self, import_dir, tmp_path):
        """Through manage.py itself: exit status 1 and a single line, with no traceback."""
        path = import_dir / "broken.json"
        path.write_text('{"resources": [}')
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "exchange.settings.test",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",  # never the shared db.sqlite3
        }
        finished = subprocess.run(  # noqa: S603 - fixed arguments
            [sys.executable, "manage.py", "import_resources", str(path)],
            cwd=settings.BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert finished.returncode == 1
        assert "Traceback" not in finished.stderr
        assert finished.stderr.strip().splitlines() == [
            f"CommandError: {path}: not valid JSON: Expecting value at line 1 column 16"
        ]


class TestManyProblems:
    """All problems in all rows are reported together, and nothing at all is written."""

    def test_one_line_per_problem_across_rows(self, run_failing_import, write_import, make_row):
        rows = [
            make_row(1),
            make_row(2, type="guidence", summary="s" * 401),
            make_row(3),
            make_row(4, borough="Gotham", published="01/02/2024"),
            make_row(5, related=["camden/cam-404"]),
        ]
        result = run_failing_import(write_import(rows))
        assert result.problems == [
            "row 2 (source_id cam-2): summary: is 401 characters long; at most 400 are allowed",
            f"row 2 (source_id cam-2): type: 'guidence' is not one of {TYPES}",
            "row 4 (source_id cam-4): borough: 'Gotham' is not a London borough, the City of London "
            "or a pan-London publisher",
            "row 4 (source_id cam-4): published: '01/02/2024' is not a date in the form YYYY-MM-DD",
            "row 5 (source_id cam-5): related: 'camden/cam-404' is neither in this file nor already on the exchange",
        ]
        assert str(result.error) == "5 problems found; nothing was imported."
        assert result.stdout == ""

    def test_service_returns_the_problems_without_writing(self, write_import, make_row, stored_state):
        before = stored_state()
        report = import_resources(write_import([make_row(1), make_row(2, type="guidence")]))
        assert not report.ok
        assert report.problems == [f"row 2 (source_id cam-2): type: 'guidence' is not one of {TYPES}"]
        assert report.created == report.updated == report.unchanged == []
        assert stored_state() == before


class TestAtomicity:
    """One invalid row, even the last, means nothing is written: no pages, revisions, tags, documents or files."""

    def test_three_valid_rows_and_one_invalid(
        self, run_failing_import, write_import, make_row, attachment, stored_state
    ):
        attachment("template.pdf")
        rows = [
            make_row(1, tags=["strategy meetings"], attachments=["template.pdf"]),
            make_row(2, tags=["neglect"], cp_stages=["section-47"], related=["camden/cam-1"]),
            make_row(3, body="## Purpose\n\nA paragraph.", attachments=["template.pdf"]),
            make_row(4, audiences=["nobody"]),
        ]
        before = stored_state()
        result = run_failing_import(write_import(rows))
        assert result.problems == [
            "row 4 (source_id cam-4): audiences: 'nobody' is not one of " + ", ".join(slug for slug, _, _ in AUDIENCES)
        ]
        assert stored_state() == before
        assert not Path(settings.MEDIA_ROOT, "documents").exists()
