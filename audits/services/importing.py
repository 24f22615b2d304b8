"""Importing returns from a borough's spreadsheet (CSV or XLSX): one row per case, one column per
question code. The import command's rules: every row is checked first, one line per problem, and
nothing is written if there is any; importing the same file again changes nothing.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from taggit.models import Tag

from audits.enums import Participation, QuestionKind, ReturnStatus
from audits.models import AuditReturn, AuditRound
from audits.services.answers import ParsedAnswer, shown, tags_named
from audits.services.returns import ReturnError, check_open, new_return, parse_answers, questions_of, write_answers
from core.progress import Progress, no_progress
from resources.models import BoroughPage

MAX_ROWS = 5000
MAX_BYTES = 10 * 1024 * 1024
MAX_UNPACKED = 50 * 1024 * 1024
MAX_COLUMNS = 200
# Columns an export has that an import does not need (the exchange numbers returns itself).
EXPORT_ONLY = frozenset({"case", "status", "submitted"})


class ImportFileError(ValueError):
    """The file cannot be read at all (wrong type, too big, no header)."""


@dataclass
class ImportReport:
    dry_run: bool
    problems: list[str] = field(default_factory=list)
    created: int = 0
    submitted: int = 0
    unchanged: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def _clean(text: str) -> str:
    """Control characters (NUL included) read as spaces: they can hide a number or a name."""
    return "".join(" " if ord(ch) < 32 and ch not in "\t\n" else ch for ch in text).strip()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return _clean(str(value))


def read_rows(path: Path) -> list[list[str]]:
    """The file's rows as text cells: CSV in UTF-8 (a byte-order mark is fine) or the first sheet of an XLSX."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ImportFileError(f"{path.name}: use a .csv or .xlsx file.")
    if path.stat().st_size > MAX_BYTES:
        raise ImportFileError(f"{path.name} is over {MAX_BYTES // (1024 * 1024)} MB: split it by borough.")
    if suffix == ".csv":
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise ImportFileError(f"{path.name} is not UTF-8: save it as “CSV UTF-8” and try again.") from None
        try:
            return [[_clean(cell) for cell in row] for row in csv.reader(io.StringIO(text))]
        except csv.Error:
            raise ImportFileError(
                f"{path.name} could not be read as CSV (a cell is too long or a quote is not closed)."
            ) from None
    return _xlsx_rows(path)


def _xlsx_rows(path: Path) -> list[list[str]]:
    """The first visible sheet's rows. The workbook's unpacked size is checked before it is opened,
    and rows are read only up to the limit, so a small file cannot make the import hold gigabytes."""
    from openpyxl import load_workbook  # read only by imports: the web worker need not load it

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
        if unpacked > MAX_UNPACKED:
            raise ImportFileError(
                f"{path.name} unpacks to over {MAX_UNPACKED // (1024 * 1024)} MB: split it by borough."
            )
        workbook = load_workbook(path, read_only=True, data_only=True)
    except ImportFileError:
        raise
    except Exception as error:  # any damage to the file: a message, never a 500
        raise ImportFileError(f"{path.name} could not be read as an XLSX workbook ({type(error).__name__}).") from None
    try:
        visible = [sheet for sheet in workbook.worksheets if sheet.sheet_state == "visible"]
        if not visible:
            raise ImportFileError(f"{path.name} has no visible sheet.")
        rows = []
        for row in visible[0].iter_rows(values_only=True):
            if len(rows) > MAX_ROWS + 1:
                raise ImportFileError(
                    f"{path.name} has more than {MAX_ROWS} rows (counting empty ones): import at most {MAX_ROWS} "
                    "at a time, and delete any empty rows below the data."
                )
            rows.append([_cell(value) for value in row])
        return rows
    except ImportFileError:
        raise
    except Exception as error:
        raise ImportFileError(f"{path.name} could not be read as an XLSX workbook ({type(error).__name__}).") from None
    finally:
        workbook.close()


def _digest(audit_round: AuditRound, borough: BoroughPage, answers: dict[str, str], occurrence: int) -> str:
    """Names the row by what it says and which of its identical rows it is: never by a case identifier."""
    text = json.dumps([audit_round.slug, borough.pk, sorted(answers.items()), occurrence], ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass
class _Row:
    line: int
    borough: BoroughPage
    parsed: dict[int, ParsedAnswer]
    complete: bool
    digest: str
    themes: list[Tag]


def import_returns(
    audit_round: AuditRound,
    path: Path,
    *,
    borough_slug: str | None = None,
    dry_run: bool = False,
    user: Any = None,
    progress: Progress = no_progress,
) -> ImportReport:
    report = ImportReport(dry_run=dry_run)
    try:
        check_open(audit_round)
    except ReturnError as error:
        report.problems.append(str(error))
        return report
    rows = read_rows(path)
    rows = [row for row in rows if any(row)]
    if not rows:
        raise ImportFileError(f"{path.name} is empty: the first row must hold the question codes.")
    if len(rows) - 1 > MAX_ROWS:
        raise ImportFileError(f"{path.name} has {len(rows) - 1} rows: import at most {MAX_ROWS} at a time.")
    if len(rows[0]) > MAX_COLUMNS:
        raise ImportFileError(f"{path.name} has {len(rows[0])} columns: a round has at most {MAX_COLUMNS}.")
    header = [cell.strip().lower() for cell in rows[0]]
    questions = questions_of(audit_round)
    codes = {q.code for q in questions}
    taking_part = {
        rb.borough_id: rb.borough
        for rb in audit_round.boroughs.filter(status=Participation.ACCEPTED).select_related("borough")
    }

    fixed_borough = None
    if borough_slug:
        fixed_borough = BoroughPage.objects.filter(slug=borough_slug).first()
        if fixed_borough is None:
            report.problems.append(f"--borough {borough_slug}: no borough has that slug.")
    unknown = [h for h in header if h and h not in ("borough", "themes") and h not in EXPORT_ONLY and h not in codes]
    if unknown:
        # Counted, not repeated: a heading is typed by a person and could name someone.
        positions = ", ".join(str(header.index(h) + 1) for h in unknown[:10]) + (" …" if len(unknown) > 10 else "")
        report.problems.append(
            f"Header: {len(unknown)} column heading{'s are' if len(unknown) != 1 else ' is'} not a question code "
            f"of {audit_round.title} (column {positions}; its codes: {', '.join(sorted(codes))})."
        )
    if "borough" not in header and fixed_borough is None and not report.problems:
        report.problems.append("Header: add a borough column, or name the borough with --borough.")
    if len({h for h in header if h}) != len([h for h in header if h]):
        report.problems.append("Header: a column heading appears twice.")
    if report.problems:
        return report

    seen: Counter[tuple[int, str]] = Counter()
    checked: list[_Row] = []
    for line, row in enumerate(progress(rows[1:], "Checking rows", len(rows) - 1), start=2):
        cells = dict(zip(header, row + [""] * (len(header) - len(row)), strict=False))
        borough = _borough(cells.get("borough", ""), fixed_borough, taking_part, line, report)
        raw = {code: value for code, value in cells.items() if code in codes}
        parsed, problems = parse_answers(questions, raw)
        themes, unknown_themes = tags_named(cells.get("themes", ""))
        problems += [f"themes: {shown(name)} is not a tag of the exchange." for name in unknown_themes]
        report.problems += [f"Row {line}: {problem}" for problem in problems]
        if borough is None or problems:
            continue
        key = json.dumps(sorted(raw.items()), ensure_ascii=False)
        seen[(borough.pk, key)] += 1
        complete = all(not parsed.get(q.pk, ParsedAnswer()).empty for q in questions if q.kind != QuestionKind.TEXT)
        digest = _digest(audit_round, borough, raw, seen[(borough.pk, key)])
        checked.append(_Row(line, borough, parsed, complete, digest, themes))
    if report.problems:
        return report

    report.submitted = sum(row.complete for row in checked)
    try:
        with transaction.atomic():
            # Read inside the transaction: two imports of one file at the same moment wait for each
            # other here (and the database refuses a second return with the same digest besides).
            existing = set(
                AuditReturn.objects.filter(
                    round=audit_round, import_digest__in=[row.digest for row in checked]
                ).values_list("import_digest", flat=True)
            )
            new = [row for row in checked if row.digest not in existing]
            report.unchanged, report.created = len(checked) - len(new), len(new)
            report.submitted = sum(row.complete for row in new)
            if dry_run:
                return report
            for row in progress(new, "Saving returns", len(new)):
                audit_return = new_return(audit_round, row.borough, user, digest=row.digest)
                write_answers(audit_return, row.parsed)
                if row.themes:
                    audit_return.themes.set(row.themes)
                if row.complete:
                    audit_return.status = ReturnStatus.SUBMITTED
                    audit_return.submitted_at = audit_return.updated_at
                    audit_return.save(update_fields=["status", "submitted_at"])
    except ReturnError:
        report.problems.append("The same file was being imported at the same moment: nothing was added. Try again.")
        report.created = report.submitted = 0
    return report


def _borough(
    written: str, fixed: BoroughPage | None, taking_part: dict[int, BoroughPage], line: int, report: ImportReport
) -> BoroughPage | None:
    """The row's borough (by name, slug or GSS code, as in the resource import), if it takes part."""
    if written:
        borough = BoroughPage.objects.identified_by(written).first()
        if borough is None:
            report.problems.append(f"Row {line}: {shown(written)} is not a borough's name, slug or GSS code.")
            return None
        if fixed is not None and borough.pk != fixed.pk:
            report.problems.append(f"Row {line}: the row names {borough.title}, but this import is for {fixed.title}.")
            return None
    elif fixed is not None:
        borough = fixed
    else:
        report.problems.append(f"Row {line}: the borough is empty.")
        return None
    if borough.pk not in taking_part:
        report.problems.append(f"Row {line}: {borough.title} is not taking part in this round.")
        return None
    return borough
