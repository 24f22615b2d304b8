"""audits.services.returns: numbered by the exchange, drafts, submit and lock, reopen, deadlines."""

import datetime

import pytest

from audits.models import Answer, AuditReturn
from audits.services.returns import ReturnError, new_return, progress, reopen, save_draft, submit
from resources.models import BoroughPage
from tests.audits.helpers import GOOD_ANSWERS, submitted_return

pytestmark = pytest.mark.django_db


def test_returns_are_numbered_per_borough_per_round(audit_round):
    camden, hackney = BoroughPage.objects.get(slug="camden"), BoroughPage.objects.get(slug="hackney")
    numbers = [new_return(audit_round, b).number for b in (camden, camden, hackney, camden)]
    assert numbers == [1, 2, 1, 3]
    assert str(AuditReturn.objects.get(borough=camden, number=2)) == "Case 2"


def test_a_bad_answer_saves_nothing_and_says_what_to_change(audit_round):
    audit_return = new_return(audit_round, BoroughPage.objects.get(slug="camden"))
    problems = save_draft(audit_return, {"s47-01": "Good", "s47-02": "perhaps", "s47-06": "Mum's mobile 07700 900123"})
    assert len(problems) == 2 and "perhaps" in problems[0] and "personal data" in problems[1]
    assert not Answer.objects.exists()


def test_progress_and_submit_needs_every_question_but_free_text(audit_round):
    audit_return = new_return(audit_round, BoroughPage.objects.get(slug="camden"))
    save_draft(audit_return, {"s47-01": "Good", "s47-02": "no"})
    assert progress(audit_return) == (2, 6)
    with pytest.raises(ReturnError, match="3 questions still to answer"):
        submit(audit_return)
    save_draft(audit_return, {k: v for k, v in GOOD_ANSWERS.items() if k != "s47-06"})
    submit(audit_return)
    assert audit_return.is_submitted


def test_a_submitted_return_is_locked_until_its_lead_reopens_it_with_a_reason(audit_round):
    audit_return = submitted_return(audit_round, "camden")
    with pytest.raises(ReturnError, match="locked"):
        save_draft(audit_return, {"s47-01": "Inadequate"})
    with pytest.raises(ReturnError, match="Say why"):
        reopen(audit_return, "  ")
    with pytest.raises(ReturnError, match="personal data"):
        reopen(audit_return, "Wrong family, NHS number 943 476 5919")
    reopen(audit_return, "Rating entered against the wrong question.")
    with pytest.raises(ReturnError, match="a draft already"):
        reopen(audit_return, "Again.")
    assert save_draft(audit_return, {"s47-01": "Inadequate"}) == []
    assert audit_return.answers.get(question__code="s47-01").option == "inadequate"


def test_nothing_changes_after_the_closing_date(audit_round):
    audit_return = new_return(audit_round, BoroughPage.objects.get(slug="camden"))
    save_draft(audit_return, GOOD_ANSWERS)
    audit_round.closes_on = datetime.date.today() - datetime.timedelta(days=1)
    audit_round.save()
    audit_return.refresh_from_db()
    for change in (lambda: submit(audit_return), lambda: save_draft(audit_return, GOOD_ANSWERS)):
        with pytest.raises(ReturnError, match="closed"):
            change()
    assert not audit_return.is_submitted


def test_several_choices_are_one_row_each(audit_round):
    audit_return = submitted_return(audit_round, "camden", s47_04="Police; Health; Education")
    assert sorted(audit_return.answers.filter(question__code="s47-04").values_list("option", flat=True)) == [
        "education",
        "health",
        "police",
    ]
