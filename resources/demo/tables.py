"""Row builders for the tables in template and checklist attachments."""

from __future__ import annotations


def blank_rows(columns: int, count: int) -> list[list[str]]:
    """Empty rows, so a printed template has space to write in."""
    return [[""] * columns for _ in range(count)]


def labelled_rows(labels: list[str], columns: int) -> list[list[str]]:
    """Rows whose first cell is a prompt and whose other cells are left empty.

    Checklists and audit questions read better as a table the reader ticks
    than as prose, and the empty cells are what makes them a template.
    """
    return [[label] + [""] * (columns - 1) for label in labels]
