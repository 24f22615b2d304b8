"""Text of an Excel workbook (XLSX): every sheet, hidden ones too, each value under its column's heading;
and what the cells do not show (headers and footers, defined names, data-validation lists, sheet
names, comments, strings no cell uses, embedded files) as hidden content.

A spreadsheet of cases keeps "DOB" in the first row and the dates far below it; writing each
cell as "heading: value" keeps the cue next to the value, as the guard reads it.
"""

import datetime
import io
from typing import Any

from openpyxl import load_workbook

from .hidden import hidden_text
from .zipped import MAX_TEXT, ooxml_properties, open_archive, part, parts_matching

MAX_CELLS = 2_000_000


def read_xlsx(data: bytes) -> tuple[str, dict[str, Any]]:
    with open_archive(data) as archive:
        metadata = ooxml_properties(archive)
        comments = parts_matching(archive, "xl/comments") + parts_matching(archive, "xl/threadedComments/")
        if comments:
            # One line per comment, without the authors list, which would glue to the first comment's words.
            notes = [note for root in comments for note in root.iter("{*}comment", "{*}threadedComment")]
            metadata["comments_text"] = "\n".join(" ".join("".join(note.itertext()).split()) for note in notes)[
                :MAX_TEXT
            ]
            metadata["comment_count"] = sum(
                1 for root in comments for _ in root.iter("{*}comment", "{*}threadedComment")
            )
        read = {
            n
            for n in archive.namelist()
            if n.startswith(("xl/worksheets/sheet", "xl/comments", "xl/threadedComments/"))
        }
        hidden = hidden_text(archive, read=read | {"xl/sharedStrings.xml"})
        shared = part(archive, "xl/sharedStrings.xml")
    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    lines: list[str] = []
    cells = 0
    try:
        for sheet in workbook.worksheets:
            lines.append(sheet.title)
            headings: list[str] = []
            for row in sheet.iter_rows(values_only=True):
                values = [_text(value) for value in row]
                cells += len(values)
                if cells > MAX_CELLS or sum(map(len, lines)) > MAX_TEXT:
                    break
                if not headings:
                    headings = values
                    lines.append(" | ".join(v for v in values if v))
                    continue
                lines.append(
                    " | ".join(
                        f"{headings[i]}: {value}" if i < len(headings) and headings[i] else value
                        for i, value in enumerate(values)
                        if value
                    )
                )
    finally:
        workbook.close()
    text = "\n".join(line for line in lines if line)[:MAX_TEXT]
    # A string the workbook keeps but no cell shows (its cell cleared, the string left behind).
    unused = [s for s in _shared_strings(shared) if s not in text]
    hidden = "\n".join(filter(None, [hidden, *unused]))[:MAX_TEXT]
    if hidden:
        metadata["hidden_text"] = hidden
    return text, metadata


def _shared_strings(root: Any) -> list[str]:
    if root is None:
        return []
    return [" ".join("".join(si.itertext()).split()) for si in root.iter("{*}si")]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
