"""A CSV attached through the bulk import has its formula-like cells made text, as an admin upload does
(tests/security/test_dangerous_uploads.py)."""

import pytest
from wagtail.documents import get_document_model

CSV = b'stage,note,count\nstrategy,=HYPERLINK("https://evil.example"),-5\nconference,@SUM(A1:A2),3\n'


@pytest.mark.django_db
def test_csv_formulas_in_a_bulk_import_attachment_are_stored_as_text(run_import, write_import, make_row, attachment):
    attachment("counts.csv", CSV)
    run_import(write_import([make_row(1, attachments=["counts.csv"])]))
    with get_document_model().objects.get().file.open("rb") as handle:
        stored = handle.read().decode()
    assert "'=HYPERLINK" in stored and ",-5\n" in stored and "'@SUM" in stored
