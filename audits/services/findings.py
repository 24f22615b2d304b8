"""A round's pooled findings: every question's answers across London and per borough, suppressed
and rounded (audits.suppression), in a fixed number of queries whatever the number of returns.

Only submitted returns count. The page, the JSON and the borough leads' export read this one
builder, so every route shows the same figures.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Max
from taggit.models import Tag

from audits.enums import COUNTED_KINDS, QuestionKind
from audits.models import Answer, AuditQuestion, AuditReturn, AuditRound, RoundBorough
from audits.roles import boroughs_of, is_audit_coordinator
from audits.suppression import Figure, protect, publish, published_median, share

# Kept figures: a new or changed return, or a borough joining, makes a new key at once.
FINDINGS_SECONDS = 600


@dataclass
class Column:
    """A borough as this reader sees it: its name where agreed (or their own), else its letter."""

    borough_id: int
    label: str
    own: bool = False


@dataclass
class Cell:
    figure: Figure
    percent: int | None


@dataclass
class Row:
    label: str
    total: Figure
    cells: list[Cell]  # in the question's option order
    own: bool = False
    median: float | None = None


@dataclass
class QuestionFindings:
    question: AuditQuestion
    options: list[list[str]]
    london: Row
    boroughs: list[Row] = field(default_factory=list)

    @property
    def counted(self) -> bool:
        return self.question.kind in COUNTED_KINDS

    @property
    def table_rows(self) -> list[Row]:
        """Each borough, then London."""
        return [*self.boroughs, self.london]

    @property
    def own_rows(self) -> list[Row]:
        return [row for row in self.boroughs if row.own]


@dataclass
class Theme:
    tag: Tag
    returns: Figure


@dataclass
class RoundFindings:
    round: AuditRound
    columns: list[Column]
    returns: Figure
    questions: list[QuestionFindings]
    themes: list[Theme]
    key: str = ""  # names these figures as the reader sees them: new figures or names, a new key

    def set_key(self, figures_key: str) -> None:
        names = "|".join(f"{c.borough_id}:{c.label}:{c.own}" for c in self.columns)
        self.key = hashlib.sha256(f"{figures_key}|{names}".encode()).hexdigest()


def columns_for(audit_round: AuditRound, user: Any) -> list[Column]:
    """The boroughs taking part, as ``user`` may see them named."""
    coordinator = is_audit_coordinator(user)
    own = set(boroughs_of(user).values_list("pk", flat=True))
    columns = []
    for taking in RoundBorough.objects.taking_part().filter(round=audit_round).select_related("borough"):
        named = coordinator or taking.named or taking.borough_id in own
        label = taking.borough.title if named else taking.alias
        columns.append(Column(taking.borough_id, label, own=taking.borough_id in own))
    return columns


def _rows(
    columns: list[Column],
    options: list[list[str]],
    counts: dict[int, dict[str, int]],
    answered: dict[int, int],
    several: bool,
    linked: tuple[frozenset[int], bool],
) -> tuple[Row, list[Row]]:
    """London's row and the boroughs' rows of one question, published together (audits.suppression)."""
    if options:
        matrix = [[counts.get(column.borough_id, {}).get(slug, 0) for slug, _ in options] for column in columns]
        totals = [answered.get(column.borough_id, 0) for column in columns] if several else None
    else:  # numbers and text: only how many returns answered
        matrix = [[answered.get(column.borough_id, 0)] for column in columns]
        totals = None
    table = protect(matrix or [[0] * max(len(options), 1)], totals if matrix else None, *linked)
    rows = []
    for column, cells, total in zip(columns, table.cells, table.row_totals, strict=False):
        shown = [Cell(figure, share(figure, total)) for figure in cells] if options else []
        rows.append(Row(column.label, total, shown, own=column.own))
    london_cells = [Cell(figure, share(figure, table.total)) for figure in table.column_totals] if options else []
    return Row("London", table.total, london_cells), rows


def _question(
    question: AuditQuestion,
    columns: list[Column],
    by_option: dict[tuple[int, int], dict[str, int]],
    answered: dict[tuple[int, int], int],
    numbers: dict[tuple[int, int], list[Decimal]],
    linked: tuple[frozenset[int], bool],
) -> QuestionFindings:
    options = question.options if question.kind in COUNTED_KINDS else []
    counts = {column.borough_id: by_option.get((question.pk, column.borough_id), {}) for column in columns}
    answering = {column.borough_id: answered.get((question.pk, column.borough_id), 0) for column in columns}
    london, rows = _rows(columns, options, counts, answering, question.kind == QuestionKind.CHOICES, linked)
    if question.kind == QuestionKind.NUMBER:
        every: list[Decimal] = []
        for row, column in zip(rows, columns, strict=True):
            values = numbers.get((question.pk, column.borough_id), [])
            row.median = published_median(values)
            every += values
        london.median = published_median(every)
    return QuestionFindings(question, options, london, rows)


def _withheld_totals(results: list[QuestionFindings]) -> tuple[frozenset[int], bool]:
    rows = frozenset(i for q in results for i, row in enumerate(q.boroughs) if row.total.withheld)
    return rows, any(q.london.total.withheld for q in results)


def build_findings(audit_round: AuditRound, user: Any) -> RoundFindings:
    """The round's findings as ``user`` sees them: the figures are everyone's (worked out once and
    kept until a return or a borough's answer changes); the boroughs' names are the reader's."""
    columns = columns_for(audit_round, user)
    taking = ",".join(str(column.borough_id) for column in columns)
    latest = AuditReturn.objects.filter(round=audit_round).aggregate(n=Count("pk"), at=Max("updated_at"))
    stamp = f"{audit_round.pk}:{audit_round.version_id}:{latest['n']}:{latest['at']}:{taking}"
    key = "audits:findings:" + hashlib.sha256(stamp.encode()).hexdigest()
    findings = cache.get(key)
    if findings is None:
        findings = _tables(audit_round, [Column(column.borough_id, "") for column in columns])
        cache.set(key, findings, FINDINGS_SECONDS)
    for question in findings.questions:
        for row, column in zip(question.boroughs, columns, strict=True):
            row.label, row.own = column.label, column.own
    findings.round, findings.columns = audit_round, columns
    findings.set_key(key)
    return findings


def _tables(audit_round: AuditRound, columns: list[Column]) -> RoundFindings:
    taking = [column.borough_id for column in columns]
    submitted = AuditReturn.objects.submitted().filter(round=audit_round, borough_id__in=taking)
    questions = list(audit_round.version.questions.order_by("sort_order", "pk"))
    answers = Answer.objects.filter(audit_return__in=submitted)

    # One query for every question's answer counts (a return gives one row per answer, so rows are
    # returns); one more for how many returns answered each several-answer question.
    by_option: dict[tuple[int, int], dict[str, int]] = defaultdict(dict)
    answered: dict[tuple[int, int], int] = defaultdict(int)
    for question_id, borough_id, option, n in (
        answers.values_list("question_id", "audit_return__borough_id", "option").annotate(n=Count("pk")).order_by()
    ):
        if option:
            by_option[(question_id, borough_id)][option] = n
        answered[(question_id, borough_id)] += n
    several = [q.pk for q in questions if q.kind == QuestionKind.CHOICES]
    for question_id, borough_id, n in (
        answers.filter(question_id__in=several)
        .values_list("question_id", "audit_return__borough_id")
        .annotate(n=Count("audit_return", distinct=True))
        .order_by()
    ):
        answered[(question_id, borough_id)] = n
    numbers: dict[tuple[int, int], list[Decimal]] = defaultdict(list)
    for question_id, borough_id, number in answers.filter(number__isnull=False).values_list(
        "question_id", "audit_return__borough_id", "number"
    ):
        numbers[(question_id, borough_id)].append(number)
    per_borough = dict(submitted.values_list("borough_id").annotate(n=Count("pk")).order_by())

    # Every question's table has the same totals (each return answers every question it must), so a
    # total withheld in one table is withheld in all: repeat until no table withholds another.
    linked: tuple[frozenset[int], bool] = (frozenset(), False)
    for _ in range(len(columns) + 2):
        results = [_question(question, columns, by_option, answered, numbers, linked) for question in questions]
        now = _withheld_totals(results)
        if now == linked:
            break
        linked = (linked[0] | now[0], linked[1] or now[1])
    returns = Figure(None, withheld=True) if linked[1] else publish(sum(per_borough.values()))

    theme_counts = (
        AuditReturn.themes.through.objects.filter(auditreturn__in=submitted)
        .values_list("tag_id")
        .annotate(n=Count("auditreturn", distinct=True))
        .order_by()
    )
    counts_by_tag = dict(theme_counts)
    tags = Tag.objects.filter(pk__in=list(counts_by_tag)).order_by("name")
    themes = sorted(
        (Theme(tag, publish(counts_by_tag[tag.pk])) for tag in tags),
        key=lambda theme: (-(theme.returns.value or 0), theme.tag.name),
    )
    return RoundFindings(audit_round, columns, returns, results, themes)


def findings_as_json(findings: RoundFindings) -> dict[str, Any]:
    """The same figures as the page; a suppressed figure is null with "suppressed": true."""

    def row(r: Row, question: QuestionFindings) -> dict[str, Any]:
        data: dict[str, Any] = {"label": r.label, "answered": r.total.as_json()}
        if question.options:
            data["answers"] = {
                slug: {**cell.figure.as_json(), "percent": cell.percent}
                for (slug, _), cell in zip(question.options, r.cells, strict=True)
            }
        if question.question.kind == QuestionKind.NUMBER:
            # A median from fewer than 5 numbers is suppressed like a count.
            data["median"] = {"value": r.median, "suppressed": r.median is None}
        return data

    return {
        "round": findings.round.slug,
        "title": findings.round.title,
        "method": "Counts under 5 are suppressed; other counts are rounded to the nearest 5.",
        "returns": findings.returns.as_json(),
        "questions": [
            {
                "code": q.question.code,
                "section": q.question.section,
                "text": q.question.text,
                "kind": q.question.kind,
                "unit": q.question.unit,
                "options": [{"slug": slug, "label": label} for slug, label in q.options],
                "london": row(q.london, q),
                "boroughs": [row(r, q) for r in q.boroughs],
            }
            for q in findings.questions
            if q.question.kind != QuestionKind.TEXT
        ],
        "themes": [{"tag": t.tag.name, "slug": t.tag.slug, "returns": t.returns.as_json()} for t in findings.themes],
    }
