"""Bar charts of a question's answers, laid out on the server for an SVG the template draws.

London's share of returns giving each answer, and beside it each borough of the reader's own
that took part: readable at a glance, with the same figures in a table beside the chart (the
chart is hidden from screen readers' reading order only in favour of that table; its title says
what it shows). Colours meet 3:1 against white and are never the only difference: each bar is
labelled with its figure.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from audits.services.findings import QuestionFindings

LABEL_WIDTH = 220
BAR_AREA = 360
BAR_HEIGHT = 18
GAP = 6
GROUP_GAP = 14
SERIES_COLOURS = ("#1d70b8", "#00703c", "#912b88")  # GOV.UK blue, green, purple


@dataclass
class Bar:
    y: int
    width: int
    colour: str
    text: str
    series: str


@dataclass
class Group:
    label: str
    y: int
    bars: list[Bar] = field(default_factory=list)


@dataclass
class Chart:
    height: int
    width: int
    label_width: int
    groups: list[Group]
    legend: list[tuple[str, str]]


def bars(findings: QuestionFindings) -> Chart | None:
    """The chart of a counted question; None for numbers and text (the table says it all)."""
    if not findings.counted or not findings.options:
        return None
    series = [findings.london, *findings.own_rows][: len(SERIES_COLOURS)]
    legend = [(row.label, SERIES_COLOURS[i]) for i, row in enumerate(series)]
    groups, y = [], 0
    for index, (_, option_label) in enumerate(findings.options):
        group = Group(option_label, y)
        for i, row in enumerate(series):
            cell = row.cells[index]
            percent = cell.percent
            text = f"{percent}% ({cell.figure})" if percent is not None else str(cell.figure)
            width = round(BAR_AREA * percent / 100) if percent is not None else 0
            group.bars.append(Bar(y, width, SERIES_COLOURS[i], text, row.label))
            y += BAR_HEIGHT + GAP
        groups.append(group)
        y += GROUP_GAP
    return Chart(height=y, width=LABEL_WIDTH + BAR_AREA + 140, label_width=LABEL_WIDTH, groups=groups, legend=legend)
