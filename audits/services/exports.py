"""Exports: every return for coordinators (CSV with a byte-order mark so Excel opens it, or XLSX),
and the pooled tables with the page's suppression for the boroughs taking part.

The returns are read in chunks and written as they are read, so memory stays bounded whatever
the number of returns.
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Iterator
from typing import Any

from audits.models import Answer, AuditRound
from audits.services.findings import RoundFindings

CHUNK = 500


def _header(audit_round: AuditRound) -> tuple[list[str], list[Any]]:
    questions = list(audit_round.version.questions.order_by("sort_order", "pk"))
    return ["borough", "case", "status", "submitted", *(q.code for q in questions), "themes"], questions


def return_rows(audit_round: AuditRound) -> Iterator[list[str]]:
    """The header, then one row per return (one column per question code), a chunk at a time."""
    header, questions = _header(audit_round)
    yield header
    labels = {q.pk: dict(q.options) for q in questions}
    returns = audit_round.returns.select_related("borough").order_by("borough__title", "number")
    last_pk = 0
    while True:
        chunk = list(returns.filter(pk__gt=last_pk).order_by("pk")[:CHUNK])
        if not chunk:
            return
        last_pk = chunk[-1].pk
        answers: dict[int, dict[int, list[str]]] = {r.pk: {} for r in chunk}
        for return_id, question_id, option, number, text in Answer.objects.filter(
            audit_return_id__in=list(answers)
        ).values_list("audit_return_id", "question_id", "option", "number", "text"):
            value = (
                labels[question_id].get(option, option)
                if option
                else (f"{number.normalize():f}" if number is not None else text)
            )
            answers[return_id].setdefault(question_id, []).append(value)
        themes: dict[int, list[str]] = {r.pk: [] for r in chunk}
        through = audit_round.returns.model.themes.through
        for return_id, name in through.objects.filter(auditreturn_id__in=list(themes)).values_list(
            "auditreturn_id", "tag__name"
        ):
            themes[return_id].append(name)
        for audit_return in chunk:
            row = answers[audit_return.pk]
            yield [
                audit_return.borough.title,
                str(audit_return.number),
                audit_return.get_status_display(),
                audit_return.submitted_at.strftime("%Y-%m-%d") if audit_return.submitted_at else "",
                *("; ".join(row.get(q.pk, [])) for q in questions),
                "; ".join(sorted(themes[audit_return.pk])),
            ]


def _safe(cell: str) -> str:
    """A cell a spreadsheet would run as a formula is written as text (free text is typed by people)."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") and not _number(cell) else cell


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def csv_lines(rows: Iterator[list[str]]) -> Iterator[str]:
    """CSV text a line at a time, starting with the byte-order mark Excel needs to read UTF-8."""
    yield "\ufeff"
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([_safe(cell) for cell in row])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def xlsx_file(rows: Iterator[list[str]]) -> Any:
    """An XLSX workbook written row by row (openpyxl's write-only mode) to a temporary file."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Returns")
    for row in rows:
        sheet.append([_safe(cell) for cell in row])
    handle = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 - FileResponse closes it once sent
    workbook.save(handle)
    handle.seek(0)
    return handle


def findings_rows(findings: RoundFindings) -> Iterator[list[str]]:
    """The pooled tables as rows: question, borough (as the reader sees it), answer, figure, percent."""
    yield ["question", "text", "borough", "answer", "returns", "percent"]
    for q in findings.questions:
        if not q.options and q.question.kind != "number":
            continue
        for row in q.table_rows:
            for (_slug, label), cell in zip(q.options, row.cells, strict=True):
                yield [
                    q.question.code,
                    q.question.text,
                    row.label,
                    label,
                    str(cell.figure),
                    "" if cell.percent is None else str(cell.percent),
                ]
            yield [q.question.code, q.question.text, row.label, "answered", str(row.total), ""]
            if q.question.kind == "number":
                median = "fewer than 5" if row.median is None else str(row.median)
                yield [q.question.code, q.question.text, row.label, f"median {q.question.unit}".strip(), median, ""]
