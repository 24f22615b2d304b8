"""The bulk import refuses rows carrying personal data and warns about doubtful ones.

Values are synthetic: an NHS number from the 999 test range, Ofcom's drama phone range.
"""

import pytest

from resources.models import ResourcePage
from tests.resources.office_files import child_data_files

NHS_NUMBER = "999 012 6704"


def test_high_confidence_finding_is_a_problem_and_nothing_is_written(
    make_row, write_import, run_failing_import, stored_state
):
    before = stored_state()
    path = write_import([make_row(1), make_row(2, summary=f"Example referral. NHS number {NHS_NUMBER} recorded.")])
    run = run_failing_import(path)
    assert "row 2 (source_id cam-2): summary: looks like personal data (nhs_number: " in run.stderr
    assert NHS_NUMBER not in run.stderr and NHS_NUMBER.replace(" ", "") not in run.stderr
    assert stored_state() == before


def test_findings_in_tags_body_and_attachments_are_caught(make_row, write_import, run_failing_import, attachment):
    notes = attachment("notes.txt", b"Meeting notes.\nDOB: 01/02/2015, seen at home.\n")
    path = write_import(
        [
            make_row(
                1, tags=["recording", f"NHS {NHS_NUMBER}"], body="Case ref CR-123456 discussed.", attachments=[notes]
            )
        ]
    )
    stderr = run_failing_import(path).stderr
    assert "tags: looks like personal data (nhs_number" in stderr
    assert "body: looks like personal data (case_reference" in stderr
    assert "attachments: 'notes.txt': looks like personal data (date_of_birth" in stderr


def test_low_confidence_finding_warns_but_imports(make_row, write_import, run_import):
    path = write_import([make_row(1, body="Call the Camden switchboard 020 7946 0000 for the MASH.")])
    run = run_import(path)
    assert "warning: row 1 (source_id cam-1): body: looks like personal data (phone" in run.stderr
    assert ResourcePage.objects.filter(source_id="cam-1").exists()


def test_docx_metadata_is_reported_and_comment_text_blocks(write_import, make_row, attachment, run_failing_import):
    import io as _io

    import docx

    document = docx.Document()
    document.core_properties.author = "Pat Example"
    paragraph = document.add_paragraph("A template for core group minutes.")
    document.add_comment(paragraph.runs, text="Child's NHS number 999 012 6704", author="Reviewer Person")
    buffer = _io.BytesIO()
    document.save(buffer)
    name = attachment("minutes.docx", buffer.getvalue())
    run = run_failing_import(write_import([make_row(attachments=[name])]))
    output = run.stderr
    assert "'minutes.docx' (comments): looks like personal data (nhs_number" in output
    assert "Pat Example" not in output and "999 012 6704" not in output


def test_contact_email_version_and_source_id_are_read_and_never_echoed(
    make_row, write_import, run_failing_import, stored_state
):
    before = stored_state()
    rows = [
        make_row(1, contact_email="parent.sample@gmail.com"),
        make_row(2, version="NHS 9990126704"),
        make_row(3, source_id="cam-nhs-999-012-6704"),
    ]
    stderr = run_failing_import(write_import(rows)).stderr
    assert "row 1 (source_id cam-1): contact_email: looks like personal data (email" in stderr
    assert "row 2 (source_id cam-2): version: looks like personal data (nhs_number" in stderr
    assert "source_id: looks like personal data (nhs_number" in stderr
    assert "parent.sample" not in stderr and "9990126704" not in stderr and "012-6704" not in stderr
    assert stored_state() == before


def test_an_attachment_file_name_is_read_and_shown_masked(make_row, write_import, run_failing_import, attachment):
    name = attachment("oliver-sample-dob-03-04-2015.txt", b"Core group minutes template.\n")
    run = run_failing_import(write_import([make_row(1, attachments=[name])]))
    assert "(file name): looks like personal data (" in run.stderr
    printed = (run.stdout + run.stderr).lower()
    assert "oliver" not in printed and "03-04-2015" not in printed


@pytest.mark.parametrize("name", ["cases.xlsx", "deck.pptx", "notes.odt"])
def test_spreadsheets_slides_and_odt_are_read_and_refused(
    name, make_row, write_import, run_failing_import, attachment, stored_state
):
    before = stored_state()
    attached = attachment(name, child_data_files()[name])
    stderr = run_failing_import(write_import([make_row(1, attachments=[attached])])).stderr
    assert f"attachments: '{name}': looks like personal data (nhs_number" in stderr
    assert "999 012 6704" not in stderr and "9990126704" not in stderr and "SE15 3ZZ" not in stderr
    assert stored_state() == before
