"""Returns made the way an auditor makes them (through the services), for the audit tests."""

from audits.models import AuditRound
from audits.services.returns import new_return, save_draft, submit
from resources.models import BoroughPage

GOOD_ANSWERS = {
    "s47-01": "Good",
    "s47-02": "yes",
    "s47-03": "3",
    "s47-04": "Police; Health",
    "s47-05": "Recorded with reasons",
    "s47-06": "A shared chronology before the meeting.",
}


def submitted_return(audit_round: AuditRound, borough_slug: str, **answers: str):
    borough = BoroughPage.objects.get(slug=borough_slug)
    audit_return = new_return(audit_round, borough)
    problems = save_draft(audit_return, {**GOOD_ANSWERS, **{k.replace("_", "-"): v for k, v in answers.items()}})
    assert problems == []
    submit(audit_return)
    return audit_return
