"""import_audit_returns ROUND PATH [--borough SLUG] [--dry-run]: the import command's rules."""

import datetime
import io
import zipfile

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from openpyxl import Workbook
from taggit.models import Tag

from audits.models import AuditReturn

pytestmark = pytest.mark.django_db

HEADER = "borough,s47-01,s47-02,s47-03,s47-04,s47-05,s47-06"
ROWS = [
    "Camden,Good,yes,3,Police; Health,Recorded with reasons,Chronology shared early.",
    "E09000012,inadequate,No,12,Police,not-recorded,",
    "camden,Adequate,partly,5,,Recorded without reasons,",  # s47-04 empty: imported as a draft
]


def _csv(tmp_path, lines, name="returns.csv", bom=True):
    path = tmp_path / name
    path.write_text(("\ufeff" if bom else "") + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def _run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_audit_returns", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_csv_with_a_byte_order_mark_imports_submitted_and_draft_returns(audit_round, tmp_path):
    out, _ = _run(audit_round.slug, _csv(tmp_path, [HEADER, *ROWS]))
    assert "Added 3 returns (2 submitted, 1 draft" in out
    camden = AuditReturn.objects.filter(borough__slug="camden").order_by("number")
    assert [(r.number, r.status) for r in camden] == [(1, "submitted"), (2, "draft")]
    assert (
        AuditReturn.objects.get(borough__slug="hackney").answers.get(question__code="s47-05").option == "not-recorded"
    )


def test_importing_the_same_file_again_changes_nothing(audit_round, tmp_path):
    path = _csv(tmp_path, [HEADER, ROWS[0], ROWS[0]])  # two cases answered alike are two returns
    _run(audit_round.slug, path)
    out, _ = _run(audit_round.slug, path)
    assert "Added 0 returns" in out and "2 already imported" in out
    assert AuditReturn.objects.count() == 2


def test_every_problem_is_listed_and_nothing_is_written(audit_round, tmp_path):
    lines = [
        HEADER,
        "Camden,Outstanding,yes,3,Police,Not recorded,",
        "Croydon,Good,yes,3,Police,Not recorded,",
        "Nowhere,Good,yes,3,Police,Not recorded,",
        "Hackney,Good,yes,minus one,Police,Not recorded,Mum's mobile 07700 900123",
        ROWS[0],
    ]
    with pytest.raises(CommandError, match="5 problems found; nothing was imported"):
        _run(audit_round.slug, _csv(tmp_path, lines))
    assert not AuditReturn.objects.exists()


def test_problem_lines_name_the_row(audit_round, tmp_path, capsys):
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_audit_returns",
            audit_round.slug,
            str(_csv(tmp_path, [HEADER, ROWS[0], "Camden,Good,maybe,3,,,"])),
            stderr=err,
        )
    assert "Row 3:" in err.getvalue() and "maybe" in err.getvalue()


def test_an_xlsx_with_the_borough_given_on_the_command_line(audit_round, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["s47-01", "s47-02", "s47-03", "s47-04", "s47-05"])
    sheet.append(["Good", "Yes", 4, "Education;Police", "Recorded with reasons"])
    sheet.append(["Requires improvement", "No", 2.5, "Health", "Not recorded"])
    path = tmp_path / "lambeth.xlsx"
    book.save(path)
    out, _ = _run(audit_round.slug, path, "--borough", "lambeth")
    assert "Added 2 returns (2 submitted" in out
    assert AuditReturn.objects.filter(borough__slug="lambeth").count() == 2


def test_a_dry_run_writes_nothing(audit_round, tmp_path):
    out, _ = _run(audit_round.slug, _csv(tmp_path, [HEADER, *ROWS]), "--dry-run")
    assert "Would add 3 returns" in out and "nothing was written" in out
    assert not AuditReturn.objects.exists()


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (["borough,s47-01,case-number", "Camden,Good,123"], "1 column heading is not a question code"),
        (["s47-01", "Good"], "add a borough column"),
        (["borough,s47-01,s47-01", "Camden,Good,Good"], "appears twice"),
    ],
)
def test_a_header_it_cannot_use(audit_round, tmp_path, lines, message):
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_audit_returns", audit_round.slug, str(_csv(tmp_path, lines)), stderr=err)
    assert message in err.getvalue()


def test_files_it_cannot_read(audit_round, tmp_path):
    latin = tmp_path / "latin.csv"
    latin.write_bytes("borough,s47-06\nCamden,caf\xe9\n".encode("latin-1"))
    with pytest.raises(CommandError, match="not UTF-8"):
        _run(audit_round.slug, latin)
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"not a workbook")
    with pytest.raises(CommandError, match="could not be read"):
        _run(audit_round.slug, fake)
    json_file = tmp_path / "returns.json"
    json_file.write_text("{}")
    with pytest.raises(CommandError, match=r"use a \.csv or \.xlsx"):
        _run(audit_round.slug, json_file)
    with pytest.raises(CommandError, match="No audit round"):
        _run("no-such-round", latin)


def test_a_closed_round_takes_no_returns(audit_round, tmp_path):
    audit_round.closes_on = datetime.date.today() - datetime.timedelta(days=1)
    audit_round.save()
    with pytest.raises(CommandError, match="1 problem"):
        _run(audit_round.slug, _csv(tmp_path, [HEADER, ROWS[0]]))


def test_a_damaged_workbook_is_a_message_not_a_500(audit_round, tmp_path):
    good = tmp_path / "good.xlsx"
    book = Workbook()
    book.active.append(["borough", "s47-01"])
    book.active.append(["Camden", "Good"])
    book.save(good)
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = data.replace(b'r="A2"', b'r="!!"')
            target.writestr(item, data)
    with pytest.raises(CommandError, match="could not be read as an XLSX workbook"):
        _run(audit_round.slug, damaged)


def test_the_first_visible_sheet_is_read(audit_round, tmp_path):
    book = Workbook()
    hidden = book.active
    hidden.title = "Working notes"
    hidden.append(["borough", "s47-01"])
    hidden.append(["Camden", "Inadequate"])
    hidden.sheet_state = "hidden"
    shown_sheet = book.create_sheet("Returns")
    shown_sheet.append(["borough", "s47-01"])
    shown_sheet.append(["Camden", "Good"])
    path = tmp_path / "two-sheets.xlsx"
    book.save(path)
    _run(audit_round.slug, path)
    assert AuditReturn.objects.get().answers.get().option == "good"


def test_an_export_imports_again_themes_included(audit_round, tmp_path):
    Tag.objects.create(name="strategy meetings")
    lines = ["borough,case,status,submitted,s47-01,themes", "Camden,7,Submitted,2026-11-01,Good,strategy meetings"]
    _run(audit_round.slug, _csv(tmp_path, lines))
    imported = AuditReturn.objects.get()
    assert imported.number == 1 and [t.name for t in imported.themes.all()] == ["strategy meetings"]


def test_identifying_values_are_not_repeated_in_problems(audit_round, tmp_path):
    err = io.StringIO()
    lines = ["borough,s47-01", "John Smith 07700 900123,Good", "Camden,Jane Doe NW1 2AB"]
    with pytest.raises(CommandError):
        call_command("import_audit_returns", audit_round.slug, str(_csv(tmp_path, lines)), stderr=err)
    assert "Smith" not in err.getvalue() and "Jane" not in err.getvalue() and "not repeated here" in err.getvalue()


def test_the_database_refuses_a_second_return_for_one_imported_row(audit_round, tmp_path):
    _run(audit_round.slug, _csv(tmp_path, [HEADER, ROWS[0]]))
    first = AuditReturn.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditReturn.objects.create(
            round=audit_round, borough=first.borough, number=99, import_digest=first.import_digest
        )


def test_control_characters_cannot_hide_a_number_and_odd_files_are_messages(audit_round, tmp_path):
    err = io.StringIO()
    hidden = tmp_path / "nul.csv"
    hidden.write_bytes(b"borough,s47-06\nCamden,NHS 943\x00476\x005919 on file\n")
    with pytest.raises(CommandError):
        call_command("import_audit_returns", audit_round.slug, str(hidden), stderr=err)
    assert "personal data" in err.getvalue() and not AuditReturn.objects.exists()
    wide = _csv(tmp_path, [",".join(["borough", *(f"h{n}" for n in range(500))]), "Camden"], name="wide.csv")
    with pytest.raises(CommandError, match="501 columns"):
        _run(audit_round.slug, wide)
    long_cell = tmp_path / "long.csv"
    long_cell.write_text('borough,s47-06\nCamden,"' + "a" * 200_000 + '"\n', encoding="utf-8")
    with pytest.raises(CommandError, match="could not be read as CSV"):
        _run(audit_round.slug, long_cell)
