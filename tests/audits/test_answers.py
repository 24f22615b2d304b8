"""audits.services.answers: one set of rules for the form and the import; nothing identifying gets in."""

from decimal import Decimal

import pytest

from audits.services.answers import AnswerError, parse_answer
from audits.services.versions import version_for_round

pytestmark = pytest.mark.django_db


@pytest.fixture
def questions(tool):
    return {q.code: q for q in version_for_round(tool).questions.all()}


@pytest.mark.parametrize("written", ["Good", "good", "GOOD", " Good "])
def test_a_rating_is_read_by_label_or_slug_in_any_case(questions, written):
    assert parse_answer(questions["s47-01"], written).options == ["good"]


def test_requires_improvement_by_its_slug(questions):
    assert parse_answer(questions["s47-01"], "requires-improvement").options == ["requires-improvement"]


def test_an_unknown_answer_names_the_ones_allowed(questions):
    with pytest.raises(AnswerError, match="Good, Adequate, Requires improvement, Inadequate"):
        parse_answer(questions["s47-01"], "Outstanding")


def test_several_choices_from_a_list_or_a_cell(questions):
    assert parse_answer(questions["s47-04"], ["Police", "Health"]).options == ["police", "health"]
    assert parse_answer(questions["s47-04"], "police; health; police").options == ["police", "health"]


def test_one_choice_only_where_the_question_takes_one(questions):
    with pytest.raises(AnswerError, match="takes one answer"):
        parse_answer(questions["s47-02"], "yes; no")


@pytest.mark.parametrize("written", ["three", "-2", "1e99", "NaN", "12 days"])
def test_numbers_must_be_numbers_from_zero(questions, written):
    with pytest.raises(AnswerError):
        parse_answer(questions["s47-03"], written)


def test_a_number_with_a_thousands_comma(questions):
    assert parse_answer(questions["s47-03"], "1,200").number == Decimal("1200.00")


def test_an_empty_answer_is_no_answer(questions):
    assert parse_answer(questions["s47-01"], "  ").empty and parse_answer(questions["s47-04"], []).empty


@pytest.mark.parametrize(
    "text",
    [
        "The child's NHS number 943 476 5919 was on the referral.",
        "Mum's mobile is 07700 900123.",
        "Seen at home, 14 Orchard Way, N1 9ZZ.",
        "Date of birth 03/04/2015 was wrong on the form.",
    ],
)
def test_free_text_that_could_identify_a_family_is_refused(questions, text):
    with pytest.raises(AnswerError, match="personal data"):
        parse_answer(questions["s47-06"], text)


@pytest.mark.parametrize(
    "text",
    [
        "The strategy discussion was held within 2 working days and health attended.",
        "Section 47 enquiry started the same day; ICPC within 15 working days.",
    ],
)
def test_practice_words_pass(questions, text):
    assert parse_answer(questions["s47-06"], text).text == text
