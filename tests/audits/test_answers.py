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
        # Found from outside: what the guard alone let through in a return.
        "JOHN SMITH was seen at home.",
        "jOhN sMiTh was seen at home.",
        "Oluwaseun Adeyemi attended the meeting.",
        "The child Aaliyah said she was scared.",
        "Jane\u00adDoe was not invited.",
        "Notes from the Harrington family visit.",
        "Child's initials JS were on the referral.",
        "Born 12-Mar-2015 according to the GP.",
        "DOB 20150312 on the file.",
        "born \u0661\u0662/\u0660\u0663/\u0662\u0660\u0661\u0665",
        "D.O.B. 12th Mar",
        "born on the twelfth of March",
        "Case 2024-00123 was stepped down too early.",
        "Liquid Logic 1234567 shows two contacts.",
        "UPN A123456789012",
        "Mum's number 7700900123 was out of date.",
        "She posts as @janedoe on Instagram.",
        "See www.facebook.com/jane.doe.123 for the threats.",
        "Email j.doe@example was used.",
        "The school is St Mary's Primary in the north of the borough.",
        "GP Dr Ahmed at the local surgery had concerns.",
        # Found from outside, the second time.
        "Jayden was not seen alone",
        "Mother, Aaliyah, said she was not told",
        "The 7yo boy Tom was seen",
        "the child olivia was quiet",
        "\u0414\u0436\u0435\u0439\u0434\u0435\u043d was seen",
        "\u0399ayden Smith",
        "Jayde\u0332n Smi\u0332th",
        "&#74;ayden Smith",
        "Jayden.Smith",
        "JaydenSmith",
        "Smith, Jayden",
        "Mrs okafor was not told",
        "Mr.Okafor",
        "DR AHMED",
        "seen by dr patel",
        "Dr. A. Patel",
        "PC Smith attended",
        "child JS was seen",
        "Case ref CA/1234",
        "Case ID: 4567",
        "nhs no nine four three four seven six five nine one nine",
        "NHS number ending 5919",
        "12th March 2015 was the incident",
        "b. 2015",
        "turned 7 on 12 March",
        "lives on acacia avenue",
        "lives at Flat 3 Block B",
        "NW1-2DB",
        "lives in N16 with grandmother",
        "tiktok jayden2015",
        "snapchat: jaydenxx",
        "goes to Gayhurst school",
        "the Zbigniewska family were not spoken to",
        "the Smiths were not spoken to",
        "ID one-two-three-four-five",
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
        "Working Together 2023 expects the Child Protection Conference within 15 working days.",
        "The Virtual School Head and the Designated Safeguarding Lead attended.",
        "Signs of Safety mapping with the family network helped, e.g. the danger statement.",
        "Police and Health were invited late; Camden Council's MASH shared the chronology.",
        "The unborn baby's pre-birth plan was agreed at 32 weeks.",
        # Wrongly refused the first time.
        "Signs of Safety mapping was used well by the Social Worker",
        "The Team Manager authorised the Section 47 enquiry",
        "The Independent Reviewing Officer was not consulted",
        "Section 47 of the Children Act 1989",
        "Child and Adolescent Mental Health Services were involved",
        "CAMHS and the Youth Offending Service were not invited",
        "The Police Child Abuse Investigation Team attended",
        "The Domestic Abuse Coordinator from MARAC contributed",
        "Multi-Agency Risk Assessment Conference referral was made",
        "The London Child Protection Procedures were followed; Pan London Procedures section 3.2 applies",
        "The Graded Care Profile 2 was used",
        "The Mother is of Black Caribbean heritage",
        "Muslim family; Ramadan timing considered",
        "The Hackney Model of systemic practice was used",
        "St Thomas' Hospital shared the discharge summary",
        "Seen at Homerton Hospital",
        "Wrong case: the Team Manager noticed",
    ],
)
def test_practice_words_pass(questions, text):
    assert parse_answer(questions["s47-06"], text).text == text


def test_an_answer_that_could_identify_someone_is_not_repeated_in_the_message(questions):
    with pytest.raises(AnswerError) as refused:
        parse_answer(questions["s47-01"], "Jane Doe NW1 2AB")
    assert "Jane" not in str(refused.value) and "not repeated here" in str(refused.value)
    with pytest.raises(AnswerError, match="“Outstanding”"):
        parse_answer(questions["s47-01"], "Outstanding")


@pytest.mark.parametrize("written", ["1e3", "1_000", "\u0661\u0662", "\uff11\uff12", "0x10"])
def test_a_number_is_written_plainly(questions, written):
    with pytest.raises(AnswerError, match="a number such as"):
        parse_answer(questions["s47-03"], written)
