"""How pooled figures are published so that no figure from fewer than 5 returns can be read or
worked out from the others (docs/audits.md says why this method).

A question's figures form a table: one row per borough, one column per answer, each borough's
total (returns answering), London's count for each answer and London's total. Publishing it:

1. Primary suppression: a count under 5 (0 included) is shown as "fewer than 5".
2. Rounding: every other figure is rounded to the nearest 5, each on its own and always the same
   way, so the same count reads the same on every page and question.
3. Secondary suppression: a reader knows each shown figure to within its rounding, that "fewer
   than 5" means 0–4 and that a withheld figure is at least 5, and that rows and columns add up.
   From those alone the exchange works out every range a reader could (interval propagation
   over rows and columns until nothing narrows). Wherever a suppressed figure would be pinned
   to one value, the smallest shown figure on its row or column is withheld too ("withheld"),
   and the check runs again.

tests/audits/test_suppression.py attacks published tables exactly (every consistent table, by
max-flow over the rows and columns) and fails if any suppressed figure has only one possible value.
Shares are worked out from shown figures only; a median needs at least 5 numbers.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from decimal import Decimal

THRESHOLD = 5  # figures from fewer returns than this are suppressed
BASE = 5  # shown figures are multiples of this
SUPPRESSED_TEXT = "fewer than 5"
WITHHELD_TEXT = "withheld"
UNBOUNDED = 10**9


@dataclass(frozen=True)
class Figure:
    """A published count: ``value`` is None when suppressed (under 5) or withheld (to protect one)."""

    value: int | None
    withheld: bool = False

    @property
    def suppressed(self) -> bool:
        return self.value is None

    def __str__(self) -> str:
        if self.value is None:
            return WITHHELD_TEXT if self.withheld else SUPPRESSED_TEXT
        return f"{self.value:,}"

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = {"value": self.value, "suppressed": self.value is None}
        if self.value is None:
            data["reason"] = WITHHELD_TEXT if self.withheld else SUPPRESSED_TEXT
        return data

    def bounds(self) -> tuple[int, int]:
        """What a reader knows of the true count behind this figure."""
        if self.withheld:
            return THRESHOLD, UNBOUNDED
        if self.value is None:
            return 0, THRESHOLD - 1
        return max(THRESHOLD, self.value - BASE // 2), self.value + BASE // 2


def rounded(count: int) -> Figure:
    """A count as shown before any secondary suppression."""
    if count < THRESHOLD:
        return Figure(None)
    return Figure((count + BASE // 2) // BASE * BASE)


publish = rounded  # a count published on its own (no table around it)


@dataclass
class PublishedTable:
    cells: list[list[Figure]]
    row_totals: list[Figure]
    column_totals: list[Figure]
    total: Figure


Key = tuple[str, int, int]


def _lines(rows: int, columns: int, additive_rows: bool) -> list[tuple[Key, list[Key], bool]]:
    """(total, parts, parts add up to the total) for every row, column and the totals themselves."""
    lines: list[tuple[Key, list[Key], bool]] = []
    for r in range(rows):
        lines.append((("row", r, 0), [("cell", r, c) for c in range(columns)], additive_rows))
    for c in range(columns):
        lines.append((("column", c, 0), [("cell", r, c) for r in range(rows)], True))
    lines.append((("total", 0, 0), [("row", r, 0) for r in range(rows)], True))
    lines.append((("total", 0, 0), [("column", c, 0) for c in range(columns)], additive_rows))
    return lines


def narrowed(
    bounds: dict[Key, tuple[int, int]], lines: list[tuple[Key, list[Key], bool]]
) -> dict[Key, tuple[int, int]]:
    """What a reader can narrow each figure to from the rows and columns adding up (to a fixed point)."""
    bounds = dict(bounds)
    for _ in range(200):
        changed = False
        for total, parts, additive in lines:
            t_lo, t_hi = bounds[total]
            if additive:
                lo_sum = sum(bounds[p][0] for p in parts)
                hi_sum = sum(bounds[p][1] for p in parts)
                new_total = (max(t_lo, lo_sum), min(t_hi, hi_sum))
                new_parts = {
                    p: (
                        max(bounds[p][0], new_total[0] - (hi_sum - bounds[p][1])),
                        min(bounds[p][1], new_total[1] - (lo_sum - bounds[p][0])),
                    )
                    for p in parts
                }
            else:  # several answers per return: each part is at most the total, the total at least each part
                new_total = (max([t_lo, *(bounds[p][0] for p in parts)]), t_hi)
                new_parts = {p: (bounds[p][0], min(bounds[p][1], new_total[1])) for p in parts}
            for key, value in [(total, new_total), *new_parts.items()]:
                if value != bounds[key]:
                    bounds[key] = value
                    changed = True
        if not changed:
            break
    return bounds


def protect(
    counts: list[list[int]],
    row_totals: list[int] | None = None,
    withhold_rows: frozenset[int] = frozenset(),
    withhold_total: bool = False,
) -> PublishedTable:
    """Publish a table of counts (boroughs × answers). ``row_totals`` are the returns answering in
    each row when a return may give several answers; otherwise a row's total is its sum.

    ``withhold_rows`` and ``withhold_total`` start those totals withheld: the same totals appear in
    every question's table (every return answers every question), so a total withheld in one
    table must be withheld in all of them (see audits.services.findings)."""
    rows, columns = len(counts), len(counts[0]) if counts else 0
    additive_rows = row_totals is None
    if row_totals is None:
        row_totals = [sum(row) for row in counts]
    true: dict[Key, int] = {("cell", r, c): counts[r][c] for r in range(rows) for c in range(columns)}
    true |= {("row", r, 0): row_totals[r] for r in range(rows)}
    true |= {("column", c, 0): sum(counts[r][c] for r in range(rows)) for c in range(columns)}
    true[("total", 0, 0)] = sum(row_totals)
    figures = {key: rounded(count) for key, count in true.items()}
    for key in [("row", r, 0) for r in withhold_rows if r < rows] + ([("total", 0, 0)] if withhold_total else []):
        if figures[key].value is not None:
            figures[key] = Figure(None, withheld=True)
    lines = _lines(rows, columns, additive_rows)
    while any(figure.value is None and not figure.withheld for figure in figures.values()):
        bounds = narrowed({key: figure.bounds() for key, figure in figures.items()}, lines)
        pinned = [
            key
            for key, figure in figures.items()
            if figure.value is None and not figure.withheld and bounds[key][0] == bounds[key][1]
        ]
        if not pinned:
            break
        target = pinned[0]
        around = [key for total, parts, _ in lines if target in (total, *parts) for key in (total, *parts)]
        shown = [key for key in around if figures[key].value is not None] or [
            key for key, figure in figures.items() if figure.value is not None
        ]
        if not shown:
            break  # nothing left to withhold; every figure is already hidden
        smallest = min(shown, key=lambda key: (true[key], key[0] != "cell", key))
        figures[smallest] = Figure(None, withheld=True)
    return PublishedTable(
        cells=[[figures[("cell", r, c)] for c in range(columns)] for r in range(rows)],
        row_totals=[figures[("row", r, 0)] for r in range(rows)],
        column_totals=[figures[("column", c, 0)] for c in range(columns)],
        total=figures[("total", 0, 0)],
    )


def share(part: Figure, whole: Figure) -> int | None:
    """Whole percent of ``whole`` that ``part`` is, from shown figures; None if either is hidden."""
    if part.value is None or not whole.value:
        return None
    return round(100 * part.value / whole.value)


def published_median(values: list[Decimal]) -> float | None:
    """The median of at least THRESHOLD numbers, to one decimal place; None for fewer."""
    if len(values) < THRESHOLD:
        return None
    return round(float(statistics.median(values)), 1)
