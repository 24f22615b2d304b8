"""Bulk import, writing: creation, re-import in place, drafts, dry runs, slugs, escaping, output and scale.

Fixtures (make_row, write_import, attachment, run_import, stored_state) are in
tests/resources/conftest.py.
"""

import datetime
from contextlib import contextmanager

import pytest
from django.db import connection
from django.utils import timezone
from taggit.models import Tag
from wagtail.documents import get_document_model

from resources.models import BoroughPage, ResourcePage
from resources.services.importer import import_resources
from tests.factories import ResourcePageFactory

pytestmark = pytest.mark.django_db

Document = get_document_model()

BODY = """## Why a shared template

A strategy discussion brings the agencies together.
Its record should stand on its own.

1. Invite every agency involved
2. Record what each agency knows
3) Agree the plan and who does what

> Records got clearer once every agency used the same headings.
> — Conference chair, north London"""


def resource(source_id: str, borough: str = "camden") -> ResourcePage:
    return ResourcePage.objects.get(borough__slug=borough, source_id=source_id)


def revision_counts() -> dict[str, int]:
    return {page.source_id: page.revisions.count() for page in ResourcePage.objects.all()}


# Bounds for the 200-row test: what was measured on SQLite (in-memory test database), x1.5.
# Measured 2026-11-28 against the importer with paused per-save indexing and cached tags:
# creating, 134.7 queries per row (add_child, save_revision, publish, log entries, tags,
# facets, attachments, a second revision for rows with `related`, the index refresh);
# re-importing the identical file, 6.4 per row (reading each page back to compare).
QUERIES_PER_CREATED_ROW = 202
QUERIES_PER_UNCHANGED_ROW = 9.6


@contextmanager
def counted_queries():
    """Count every SQL statement. CaptureQueriesContext and django_assert_max_num_queries keep
    at most 9,000 queries (connection.queries_limit), fewer than 200 rows need, so count here."""
    counter = {"queries": 0}

    def count(execute, sql, params, many, context):
        counter["queries"] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        yield counter


class TestCreation:
    """A valid file creates live resources under the right publisher, with every field set."""

    @pytest.fixture
    def imported(self, run_import, write_import, make_row, attachment):
        attachment("strategy-meeting_record.pdf", b"%PDF-1.4\n% strategy meeting record\n")
        rows = [
            make_row(
                1,
                title="Strategy meeting record template",
                type="template",
                summary="A structured record for multi-agency strategy meetings.",
                body=BODY,
                tags=["strategy meetings", "recording", "Recording"],
                cp_stages=["strategy-discussion", "section-47"],
                sos_elements=["mapping"],
                audiences=["social-care", "police"],
                published="2024-03-01",
                attachments=["strategy-meeting_record.pdf"],
                contact_name="Quality Assurance Team",
                contact_email="quality@camden.gov.uk",
                version="1.2",
                related=["camden/cam-2", "hackney/hack-1"],  # both later in the file
            ),
            make_row(2, published="2024-02-29"),
            make_row(3, published="2024-01-15", review_due="2024-07-15"),
            make_row(1, source_id="hack-1", borough="Hackney"),
        ]
        return run_import(write_import(rows))

    def test_summary_line(self, imported):
        assert imported.stdout == "Created 4, updated 0, unchanged 0 (published).\n"
        assert imported.stderr == ""

    def test_pages_are_live_under_their_borough(self, imported):
        for source_id, borough in [("cam-1", "camden"), ("cam-2", "camden"), ("hack-1", "hackney")]:
            page = resource(source_id, borough)
            assert page.live and not page.has_unpublished_changes
            assert page.get_parent().specific == BoroughPage.objects.get(slug=borough)
            assert page.borough.slug == borough
            assert page.revisions.exists()
        assert resource("cam-2").revisions.count() == 1

    def test_fields(self, imported):
        page = resource("cam-1")
        assert page.title == "Strategy meeting record template"
        assert page.slug == "strategy-meeting-record-template"
        assert page.resource_type == "template"
        assert page.summary == "A structured record for multi-agency strategy meetings."
        assert page.published_date == datetime.date(2024, 3, 1)
        assert page.review_due == datetime.date(2025, 3, 1)  # 12 months after published
        assert (page.contact_name, page.contact_email, page.version) == (
            "Quality Assurance Team",
            "quality@camden.gov.uk",
            "1.2",
        )

    def test_review_due_defaults_and_explicit(self, imported):
        assert resource("cam-2").review_due == datetime.date(2025, 2, 28)  # published 29 February 2024
        assert resource("cam-3").review_due == datetime.date(2024, 7, 15)

    def test_tags_and_facets(self, imported):
        page = resource("cam-1")
        assert sorted(t.name for t in page.tags.all()) == ["recording", "strategy meetings"]
        assert sorted(s.slug for s in page.cp_stages.all()) == ["section-47", "strategy-discussion"]
        assert [s.slug for s in page.sos_elements.all()] == ["mapping"]
        assert sorted(a.slug for a in page.audiences.all()) == ["police", "social-care"]

    def test_body_blocks(self, imported):
        body = resource("cam-1").body
        assert [block.block_type for block in body] == ["heading", "paragraph", "how_to", "practice_example"]
        assert body[0].value == "Why a shared template"
        assert body[1].value.source == (
            "<p>A strategy discussion brings the agencies together. Its record should stand on its own.</p>"
        )
        assert list(body[2].value["steps"]) == [
            "Invite every agency involved",
            "Record what each agency knows",
            "Agree the plan and who does what",
        ]
        assert body[3].value["quote"] == "Records got clearer once every agency used the same headings."
        assert body[3].value["attribution"] == "Conference chair, north London"

    def test_attachment_is_a_document_in_the_borough_collection(self, imported):
        document = resource("cam-1").attachments.get().document
        assert document.title == "Strategy meeting record"
        assert document.collection.name == "Camden"
        with document.file.open("rb") as handle:
            assert handle.read() == b"%PDF-1.4\n% strategy meeting record\n"

    def test_related_links_include_forward_and_cross_borough_references(self, imported):
        page = resource("cam-1")
        assert [r.resource_id for r in page.related_resources.all()] == [
            resource("cam-2").pk,
            resource("hack-1", "hackney").pk,
        ]

    def test_service_reports_what_it_created(self, write_import, make_row):
        report = import_resources(write_import([make_row(1), make_row(2)]))
        assert report.ok
        assert report.created == ["camden/cam-1", "camden/cam-2"]
        assert report.updated == report.unchanged == []
        assert ResourcePage.objects.live().count() == 2

    def test_published_defaults_to_today(self, run_import, write_import, make_row):
        row = make_row()
        del row["published"]
        run_import(write_import([row]))
        today = timezone.localdate()
        assert resource("cam-1").published_date == today
        assert resource("cam-1").review_due > today

    def test_one_file_shared_by_two_rows_is_one_document(self, run_import, write_import, make_row, attachment):
        attachment("template.pdf")
        run_import(write_import([make_row(1, attachments=["template.pdf"]), make_row(2, attachments=["template.pdf"])]))
        assert Document.objects.count() == 1
        assert resource("cam-1").attachments.get().document == resource("cam-2").attachments.get().document


class TestBodyText:
    """The plain-text body format, and that the blocks it makes are valid ones an editor can save again."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("## Purpose\nWhy this exists.", [("heading", "Purpose"), ("paragraph", "<p>Why this exists.</p>")]),
            ("1. First\n2) Second", [("how_to", ["First", "Second"])]),
            ("1. First\nnot a step", [("paragraph", "<p>1. First not a step</p>")]),
            ("> One line\n> and another", [("practice_example", ("One line\nand another", ""))]),
            ("> Quote\n> -- Team manager", [("practice_example", ("Quote", "Team manager"))]),
            (
                "First.\r\n\r\nSecond & third.",
                [("paragraph", "<p>First.</p>"), ("paragraph", "<p>Second &amp; third.</p>")],
            ),
        ],
        ids=["heading-then-text", "steps", "mixed-lines", "quote", "attribution", "crlf-and-ampersand"],
    )
    def test_format(self, run_import, write_import, make_row, text, expected):
        run_import(write_import([make_row(body=text)]))
        blocks = []
        for block in resource("cam-1").body:
            value = block.value
            if block.block_type == "paragraph":
                value = value.source
            elif block.block_type == "how_to":
                value = list(value["steps"])
            elif block.block_type == "practice_example":
                value = (value["quote"], value["attribution"])
            blocks.append((block.block_type, value))
        assert blocks == expected

    @pytest.mark.parametrize(
        "text",
        [">", "> \n\nText after an empty quote.", "## \n\nText under an empty heading."],
        ids=["quote-only", "empty-quote", "empty-heading"],
    )
    def test_empty_quote_or_heading_does_not_store_an_invalid_block(self, write_import, make_row, text):
        """Quote and heading are required in the block definitions, so an empty one makes a page
        the admin refuses to save. Reporting the row or dropping the empty block both satisfy this."""
        report = import_resources(write_import([make_row(body=text)]))
        for page in ResourcePage.objects.all():
            page.body.stream_block.clean(page.body)  # raises ValidationError for an invalid block
        assert report.problems or report.created == ["camden/cam-1"]


class TestReimport:
    """Importing again updates in place: new revisions only where content changed, never duplicates."""

    @pytest.fixture
    def rows(self, make_row, attachment):
        attachment("template.pdf")
        return [
            make_row(1, tags=["neglect", "recording"], cp_stages=["referral"], attachments=["template.pdf"]),
            make_row(2, body=BODY, related=["camden/cam-1"]),
            make_row(3, audiences=["health"], body='Use "quotes" & <angle brackets>, café.\r\n\r\n> A quote'),
        ]

    @pytest.fixture
    def first(self, run_import, write_import, rows):
        run_import(write_import(rows))
        return {"revisions": revision_counts(), "documents": Document.objects.count(), "tags": Tag.objects.count()}

    def test_identical_file_changes_nothing(self, run_import, write_import, rows, first):
        result = run_import(write_import(rows))
        assert result.stdout == "Created 0, updated 0, unchanged 3 (published).\n"
        assert revision_counts() == first["revisions"]
        assert ResourcePage.objects.count() == 3
        assert Document.objects.count() == first["documents"]
        assert Tag.objects.count() == first["tags"]

    def test_lists_in_another_order_are_unchanged(self, run_import, write_import, rows, first):
        rows[0]["tags"] = ["recording", "neglect"]
        assert run_import(write_import(rows)).stdout.startswith("Created 0, updated 0, unchanged 3")
        assert revision_counts() == first["revisions"]

    def test_changed_summary_gives_that_page_one_revision(self, run_import, write_import, rows, first):
        rows[1]["summary"] = "Revised guidance on recording strategy discussions."
        result = run_import(write_import(rows))
        assert result.stdout == "Created 0, updated 1, unchanged 2 (published).\n"
        assert revision_counts() == {**first["revisions"], "cam-2": first["revisions"]["cam-2"] + 1}
        page = resource("cam-2")
        assert page.summary == "Revised guidance on recording strategy discussions."
        assert page.live and not page.has_unpublished_changes
        assert ResourcePage.objects.count() == 3

    def test_added_row_is_created(self, run_import, write_import, rows, make_row, first):
        result = run_import(write_import([*rows, make_row(4)]))
        assert result.stdout == "Created 1, updated 0, unchanged 3 (published).\n"
        assert ResourcePage.objects.count() == 4
        assert {k: v for k, v in revision_counts().items() if k != "cam-4"} == first["revisions"]

    def test_changed_attachment_points_to_a_new_document(self, run_import, write_import, rows, attachment, first):
        old = resource("cam-1").attachments.get().document
        attachment("template.pdf", b"%PDF-1.4\n% second edition\n")
        result = run_import(write_import(rows))
        assert result.stdout == "Created 0, updated 1, unchanged 2 (published).\n"
        new = resource("cam-1").attachments.get().document
        assert new.pk != old.pk
        assert Document.objects.count() == first["documents"] + 1
        with new.file.open("rb") as handle:
            assert handle.read() == b"%PDF-1.4\n% second edition\n"

    def test_resource_made_outside_the_import_is_updated_in_place(self, run_import, write_import, make_row):
        existing = ResourcePageFactory(source_id="cam-1", summary="Written by hand in the admin.")
        result = run_import(write_import([make_row(1)]))
        assert result.stdout == "Created 0, updated 1, unchanged 0 (published).\n"
        assert ResourcePage.objects.get().pk == existing.pk
        assert resource("cam-1").summary == "How to record a multi-agency strategy discussion."


class TestDraft:
    """--draft saves revisions without publishing; a later normal import publishes them."""

    def test_new_pages_are_drafts(self, run_import, write_import, make_row):
        result = run_import(write_import([make_row(1), make_row(2)]), "--draft")
        assert result.stdout == "Created 2, updated 0, unchanged 0 (drafts).\n"
        for page in ResourcePage.objects.all():
            assert not page.live
            assert page.revisions.count() == 1
        assert not ResourcePage.objects.live().exists()

    def test_draft_of_a_live_page_leaves_the_live_version(self, run_import, write_import, make_row):
        run_import(write_import([make_row(1), make_row(2)]))
        before = revision_counts()
        changed = make_row(1, summary="Draft of revised guidance.")
        result = run_import(write_import([changed, make_row(2)]), "--draft")
        assert result.stdout == "Created 0, updated 1, unchanged 1 (drafts).\n"
        page = resource("cam-1")
        assert page.revisions.count() == before["cam-1"] + 1
        assert page.live and page.has_unpublished_changes
        assert page.summary == "How to record a multi-agency strategy discussion."
        assert page.get_latest_revision_as_object().summary == "Draft of revised guidance."

        published = run_import(write_import([changed, make_row(2)]))
        assert published.stdout == "Created 0, updated 1, unchanged 1 (published).\n"
        page = resource("cam-1")
        assert page.summary == "Draft of revised guidance."
        assert not page.has_unpublished_changes

    def test_importing_drafts_again_without_draft_publishes_them(self, run_import, write_import, make_row):
        path = write_import([make_row(1), make_row(2)])
        run_import(path, "--draft")
        result = run_import(path)
        assert result.stdout == "Created 0, updated 2, unchanged 0 (published).\n"
        assert ResourcePage.objects.live().count() == 2


class TestDryRun:
    """--dry-run reports what would happen and writes nothing: no pages, revisions, documents, tags or files."""

    def test_fresh_file(self, run_import, write_import, make_row, attachment, stored_state):
        attachment("template.pdf")
        rows = [
            make_row(1, tags=["neglect"], attachments=["template.pdf"], related=["camden/cam-2"]),
            make_row(2, body=BODY),
            make_row(3, cp_stages=["core-group"]),
        ]
        before = stored_state()
        result = run_import(write_import(rows), "--dry-run")
        assert result.stdout == (
            "Would create 3, would update 0, unchanged 0 (published). Dry run: nothing was written.\n"
        )
        assert stored_state() == before

    def test_service_dry_run_report(self, write_import, make_row, stored_state):
        before = stored_state()
        report = import_resources(write_import([make_row(1), make_row(2)]), dry_run=True)
        assert report.dry_run and report.created == ["camden/cam-1", "camden/cam-2"]
        assert stored_state() == before

    def test_imported_file_with_one_change(self, run_import, write_import, make_row, attachment, stored_state):
        attachment("template.pdf")
        rows = [make_row(1, attachments=["template.pdf"]), make_row(2, tags=["neglect"]), make_row(3)]
        run_import(write_import(rows))
        rows[1].update(summary="Revised guidance.", tags=["neglect", "a brand new tag"])
        before = stored_state()
        result = run_import(write_import(rows), "--dry-run")
        assert result.stdout == (
            "Would create 0, would update 1, unchanged 2 (published). Dry run: nothing was written.\n"
        )
        assert stored_state() == before
        assert resource("cam-2").summary == "How to record a multi-agency strategy discussion."

    def test_imported_file_with_a_changed_attachment(
        self, run_import, write_import, make_row, attachment, stored_state
    ):
        attachment("template.pdf")
        rows = [make_row(1, attachments=["template.pdf"]), make_row(2)]
        run_import(write_import(rows))
        attachment("template.pdf", b"%PDF-1.4\n% second edition\n")
        before = stored_state()
        result = run_import(write_import(rows), "--dry-run")
        assert result.stdout == (
            "Would create 0, would update 1, unchanged 1 (published). Dry run: nothing was written.\n"
        )
        assert stored_state() == before


class TestSlugsAndEscaping:
    """Slugs never collide; markup in the file is stored as text and escaped on the public page."""

    def test_same_title_twice_in_a_borough_gets_distinct_slugs(self, run_import, write_import, make_row):
        ResourcePageFactory(title="Core group agenda", slug="core-group-agenda")
        rows = [make_row(n, title="Core group agenda") for n in (1, 2)] + [
            make_row(3, title="Core group agenda", borough="hackney")
        ]
        run_import(write_import(rows))
        assert resource("cam-1").slug == "core-group-agenda-2"
        assert resource("cam-2").slug == "core-group-agenda-3"
        assert resource("cam-3", "hackney").slug == "core-group-agenda"

    def test_script_is_stored_as_text_and_rendered_escaped(self, run_import, write_import, make_row, client):
        script = "<script>alert(1)</script>"
        body = f"## {script}\n\n{script}\n\n1. {script}\n\n> {script}\n> — {script}"
        rows = [
            make_row(1, title=script, summary=script, body=body, tags=[script], contact_name=script),
            make_row(2, title=f"Related {script}", summary=f"Related {script}", related=["camden/cam-1"]),
        ]
        run_import(write_import(rows))
        page = resource("cam-1")
        assert (page.title, page.summary, page.contact_name) == (script, script, script)
        assert page.body[1].value.source == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
        escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
        for url, at_least in [(page.url, 10), (resource("cam-2").url, 4)]:
            response = client.get(url)
            assert response.status_code == 200
            html = response.content.decode()
            assert "<script>alert" not in html
            # page 1: <title>, h1, summary, contact, tag, heading, paragraph, step, quote, attribution;
            # page 2 also shows page 1's title and summary in its related-resource card.
            assert html.count(escaped) >= at_least


class TestOutputAndScale:
    """The summary line, the progress bar, and SQL queries per row on a 200-row file."""

    def test_no_progress_bar_for_a_small_file(self, run_import, write_import, make_row):
        result = run_import(write_import([make_row(1), make_row(2)]))
        assert result.stdout == "Created 2, updated 0, unchanged 0 (published).\n"
        assert result.stderr == ""

    def test_progress_bar_redraws_in_place_on_a_large_file(self, run_import, write_import, make_row):
        result = run_import(write_import([make_row(n) for n in range(60)]))
        assert "Importing" in result.stderr
        # tqdm redraws with "\r" and never writes "\n" itself (leave=False); a newline per
        # refresh would stack one bar per line on the terminal.
        assert "\n" not in result.stderr

    def test_quiet_run_has_no_progress_bar(self, run_import, write_import, make_row):
        result = run_import(write_import([make_row(n) for n in range(60)]), verbosity=0)
        assert result.stderr == ""
        assert ResourcePage.objects.count() == 60

    def test_200_rows_with_bounded_queries_per_row(self, run_import, write_import, make_row, attachment):
        for n in range(5):
            attachment(f"template-{n}.pdf", b"%PDF-1.4\n% template " + str(n).encode())
        rows = [
            make_row(
                n,
                borough=["camden", "hackney", "Islington", "E09000033"][n % 4],
                tags=["strategy meetings", f"topic {n % 20}"],
                cp_stages=["referral", "section-47"],
                sos_elements=["mapping"],
                audiences=["social-care"],
                body=BODY,
                attachments=[f"template-{n % 5}.pdf"] if n % 4 == 0 else [],
                related=[f"camden/cam-{n - 4}"] if n % 4 == 0 and n >= 4 else [],
            )
            for n in range(200)
        ]
        path = write_import(rows)

        with counted_queries() as created:
            result = run_import(path)
        assert result.stdout == "Created 200, updated 0, unchanged 0 (published).\n"
        assert ResourcePage.objects.live().count() == 200
        assert ResourcePage.objects.filter(borough__slug="westminster").count() == 50
        assert created["queries"] / 200 < QUERIES_PER_CREATED_ROW

        with counted_queries() as unchanged:
            result = run_import(path)
        assert result.stdout == "Created 0, updated 0, unchanged 200 (published).\n"
        assert unchanged["queries"] / 200 < QUERIES_PER_UNCHANGED_ROW
