"""Text of an Excel workbook (XLSX): every sheet, hidden ones too, each value under its column's heading.

A spreadsheet of cases keeps "DOB" in the first row and the dates far below it; writing each
cell as "heading: value" keeps the cue next to the value, as the guard reads it.
"""

import datetime
import io
from typing import Any

from openpyxl import load_workbook

from .zipped import MAX_TEXT, all_text, ooxml_properties, open_archive, parts_matching

MAX_CELLS = 2_000_000


def read_xlsx(data: bytes) -> tuple[str, dict[str, Any]]:
    with open_archive(data) as archive:
        metadata = ooxml_properties(archive)
        comments = parts_matching(archive, "xl/comments")
        if comments:
            metadata["comments_text"] = all_text(comments)
            metadata["comment_count"] = sum(1 for root in comments for _ in root.iter("{*}comment"))
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
    return "\n".join(line for line in lines if line)[:MAX_TEXT], metadata


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
