"""Every accepted attachment format is read and scanned: XLSX (hidden sheets, headings as cues),
PPTX (slides and speaker notes), ODT (body and headers), and the properties of each.

Values are synthetic: an NHS number from the 999 test range, an Ofcom drama-range mobile,
a postcode ending ZZ, names pairing a common first name with "Sample".
"""

import datetime

import pytest

from resources.services.extraction import extract_text
from resources.services.page_guard import document_findings
from resources.services.readers.opendocument import read_opendocument
from tests.resources.office_files import make_odt, make_pptx, make_xlsx

NHS = "999 012 6704"


class Doc:
    def __init__(self, name, data):
        import io

        result = extract_text(io.BytesIO(data), name.rsplit(".", 1)[1])
        self.filename, self.title = name, ""
        self.extracted_text, self.metadata, self.extraction_error = result.text, result.metadata, result.error


def blocking_kinds(document):
    return {(f.kind, f.location.rsplit("(", 1)[1].rstrip(")")) for f in document_findings(document) if f.blocks}


def test_xlsx_cells_are_read_under_their_headings_with_dates_as_dates():
    data = make_xlsx(
        [
            ["Child", "DOB", "NHS number", "Mobile", "Postcode"],
            ["Oliver Sample", datetime.date(2015, 4, 3), 9990126704, "07700 900123", "SE15 3ZZ"],
        ]
    )
    document = Doc("cases.xlsx", data)
    assert "DOB: 03/04/2015" in document.extracted_text and "NHS number: 9990126704" in document.extracted_text
    kinds = {kind for kind, _ in blocking_kinds(document)}
    assert {"person_name", "date_of_birth", "nhs_number", "phone", "postcode"} <= kinds


def test_xlsx_hidden_sheets_and_properties_are_read():
    data = make_xlsx([["Stage", "Days"], ["ICPC", 15]], title=f"NHS {NHS}", hidden_sheet=[["NHS", NHS]])
    places = blocking_kinds(Doc("timescales.xlsx", data))
    assert ("nhs_number", "text") in places and ("nhs_number", "properties") in places


def test_a_clean_workbook_raises_nothing():
    data = make_xlsx([["Stage", "Working days"], ["ICPC", 15], ["First core group", 10]], title="Timescales")
    assert list(document_findings(Doc("timescales.xlsx", data))) == []


def test_pptx_slides_notes_and_title_are_read():
    data = make_pptx(
        ["Strategy meetings", "Oliver Sample, 12 Mare Street"], notes=f"NHS {NHS}", title="Mum lives at SE15 3ZZ"
    )
    places = blocking_kinds(Doc("deck.pptx", data))
    assert {("person_name", "text"), ("address", "text"), ("nhs_number", "text"), ("postcode", "properties")} <= places


def test_odt_body_header_and_title_are_read():
    data = make_odt(["Chronology template", "DOB 03/04/2015"], header=f"NHS {NHS}", title="Oliver Sample")
    places = blocking_kinds(Doc("notes.odt", data))
    assert {("date_of_birth", "text"), ("nhs_number", "text"), ("person_name", "properties")} <= places


@pytest.mark.parametrize("kind", ["ods", "odp"])
def test_other_opendocument_kinds_use_the_same_reader(kind):
    text, _ = read_opendocument(make_odt([f"NHS {NHS}"]))
    assert NHS in text


def test_a_zip_bomb_is_not_unpacked(monkeypatch):
    from resources.services.readers import zipped

    monkeypatch.setattr(zipped, "MAX_UNPACKED_BYTES", 100)
    document = Doc("deck.pptx", make_pptx(["x" * 500]))
    assert document.extraction_error.startswith("too large to read")
