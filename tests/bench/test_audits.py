"""bench.audits: the audit round the benchmark measures, at a small scale."""

import pytest

from audits.models import Answer, AuditReturn
from bench.audits import QUESTIONS, ensure_round, measure_audits

pytestmark = pytest.mark.django_db


def test_the_round_is_generated_once_and_measured():
    figures = measure_audits(repeat=5, boroughs=3, returns=6)
    assert figures["returns"] == 18 and AuditReturn.objects.count() == 18
    assert Answer.objects.filter(question__code="b-00").count() == 18
    assert ensure_round().returns.count() == 18  # found again, not generated twice
    assert figures["findings page"]["queries"] <= 15 and figures["findings page"]["n"] == 5
    assert figures["csv export"]["rows"] == 18
    assert len(ensure_round().version.questions.all()) == QUESTIONS
