"""audits.services.findings: pooled figures, named only where agreed, suppressed, in few queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from audits.models import RoundBorough
from audits.services.findings import build_findings, findings_as_json
from tests.audits.helpers import submitted_return

pytestmark = pytest.mark.django_db


def _fill(audit_round, per_borough: dict[str, int]):
    ratings = ["Good", "Adequate", "Requires improvement", "Inadequate"]
    for slug, count in per_borough.items():
        for i in range(count):
            submitted_return(audit_round, slug, s47_01=ratings[i % 4] if i % 3 else "Good")


def test_london_counts_submitted_returns_rounded_and_small_counts_suppressed(audit_round, people):
    _fill(audit_round, {"camden": 12, "hackney": 9, "lambeth": 3})
    findings = build_findings(audit_round, people["coordinator"])
    rating = next(q for q in findings.questions if q.question.code == "s47-01")
    assert rating.london.total.value == 25  # 24 returns, rounded to the nearest 5
    lambeth = next(row for row in rating.boroughs if row.label == "Lambeth")
    assert lambeth.total.suppressed and all(cell.figure.suppressed for cell in lambeth.cells)
    every = [cell.figure for row in rating.table_rows for cell in row.cells] + [r.total for r in rating.table_rows]
    assert all(f.suppressed or (f.value % 5 == 0 and f.value >= 5) for f in every)


def test_boroughs_are_lettered_unless_they_agreed_and_a_borough_sees_its_own_name(audit_round, people):
    RoundBorough.objects.filter(round=audit_round, borough__slug="hackney").update(named=True)
    labels = [c.label for c in build_findings(audit_round, people["camden_auditor"]).columns]
    assert labels == ["Camden", "Hackney", "Borough C"]
    own = [c for c in build_findings(audit_round, people["camden_auditor"]).columns if c.own]
    assert [c.label for c in own] == ["Camden"]
    assert [c.label for c in build_findings(audit_round, people["hackney_auditor"]).columns] == [
        "Borough A",
        "Hackney",
        "Borough C",
    ]


def test_the_json_never_carries_a_suppressed_number(audit_round, people):
    _fill(audit_round, {"camden": 6, "hackney": 2, "lambeth": 7})
    data = findings_as_json(build_findings(audit_round, people["camden_auditor"]))
    rating = next(q for q in data["questions"] if q["code"] == "s47-01")
    hackney = rating["boroughs"][1]
    assert hackney["answered"] == {"value": None, "suppressed": True, "reason": "fewer than 5"}
    assert all(a["value"] is None and a["percent"] is None for a in hackney["answers"].values())
    assert "s47-06" not in {q["code"] for q in data["questions"]}  # free text is never pooled


def test_the_findings_take_the_same_queries_whatever_the_number_of_returns(audit_round, people):
    reader = people["camden_auditor"]
    _fill(audit_round, {"camden": 3, "hackney": 2, "lambeth": 1})
    with CaptureQueriesContext(connection) as few:
        build_findings(audit_round, type(reader).objects.get(pk=reader.pk))
    _fill(audit_round, {"camden": 15, "hackney": 12, "lambeth": 10})
    with CaptureQueriesContext(connection) as many:
        build_findings(audit_round, type(reader).objects.get(pk=reader.pk))
    assert len(few) == len(many) <= 15


def test_kept_figures_change_as_soon_as_a_return_is_submitted(audit_round, people):
    _fill(audit_round, {"camden": 6, "hackney": 6, "lambeth": 6})
    reader = people["camden_auditor"]
    before = build_findings(audit_round, reader).questions[0].london.total.value
    _fill(audit_round, {"camden": 5})
    assert before == 20 and build_findings(audit_round, reader).questions[0].london.total.value == 25
