"""audits.services.versions: a round's questions are frozen; editing the tool makes a new version."""

import pytest

from audits.enums import YES_NO_OPTIONS
from audits.models import ToolQuestion
from audits.services.versions import version_for_round
from tests.audits.helpers import submitted_return

pytestmark = pytest.mark.django_db


def test_a_version_freezes_each_kinds_options(tool):
    version = version_for_round(tool)
    questions = {q.code: q for q in version.questions.all()}
    assert questions["s47-01"].options[0] == ["good", "Good"] and len(questions["s47-01"].options) == 4
    assert questions["s47-02"].options == [list(o) for o in YES_NO_OPTIONS]
    assert [label for _, label in questions["s47-04"].options] == ["Police", "Health", "Education", "Probation"]
    assert questions["s47-03"].options == [] and questions["s47-03"].unit == "working days"


def test_an_unchanged_tool_keeps_its_version_and_a_tool_without_returns_is_rewritten(tool):
    first = version_for_round(tool)
    assert version_for_round(tool) == first
    ToolQuestion.objects.filter(tool=tool, code="s47-02").update(text="Did the police attend in person?")
    assert version_for_round(tool) == first
    assert first.questions.get(code="s47-02").text == "Did the police attend in person?"


def test_once_a_round_has_returns_changes_make_a_new_version(audit_round, tool):
    submitted_return(audit_round, "camden")
    ToolQuestion.objects.filter(tool=tool, code="s47-02").update(text="Did the police attend in person?")
    second = version_for_round(tool)
    assert second.number == 2
    assert audit_round.version.questions.get(code="s47-02").text == "Did police attend?"


def test_duplicate_codes_are_refused(tool):
    ToolQuestion.objects.filter(tool=tool, code="s47-02").update(code="s47-01")
    with pytest.raises(ValueError, match="its own code"):
        version_for_round(tool)
