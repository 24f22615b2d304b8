"""Case returns: numbered by the exchange, saved as drafts, submitted and locked, reopened with a reason."""

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from audits.enums import ReturnStatus
from audits.models import Answer, AuditQuestion, AuditReturn, AuditRound
from audits.services.answers import AnswerError, ParsedAnswer, guard_text, parse_answer
from resources.models import BoroughPage


class ReturnError(ValueError):
    """A change to a return that is not allowed now; the message says why."""


def questions_of(audit_round: AuditRound) -> list[AuditQuestion]:
    return list(audit_round.version.questions.order_by("sort_order", "pk"))


def check_open(audit_round: AuditRound) -> None:
    if not audit_round.is_open():
        when = "has not opened yet" if not audit_round.is_closed() else "closed"
        raise ReturnError(
            f"{audit_round.title} {when}: returns can be changed from "
            f"{audit_round.opens_on:%-d %B %Y} to {audit_round.closes_on:%-d %B %Y}."
        )


def new_return(audit_round: AuditRound, borough: BoroughPage, user=None, digest: str = "") -> AuditReturn:
    """The borough's next case in the round (Case 1, 2, …); retried if two auditors add one at once."""
    for _ in range(5):
        number = (
            AuditReturn.objects.filter(round=audit_round, borough=borough).aggregate(n=Max("number"))["n"] or 0
        ) + 1
        try:
            with transaction.atomic():
                return AuditReturn.objects.create(
                    round=audit_round, borough=borough, number=number, created_by=user, import_digest=digest
                )
        except IntegrityError:
            continue
    raise ReturnError("Another return was being added at the same moment: try again.")


def parse_answers(questions: list[AuditQuestion], raw: dict[str, object]) -> tuple[dict[int, ParsedAnswer], list[str]]:
    """Every question's answer from ``raw`` (keyed by question code), and one line per problem."""
    parsed: dict[int, ParsedAnswer] = {}
    problems: list[str] = []
    for question in questions:
        if question.code not in raw:
            continue
        try:
            parsed[question.pk] = parse_answer(question, raw[question.code])
        except AnswerError as error:
            problems.append(str(error))
    return parsed, problems


def write_answers(audit_return: AuditReturn, parsed: dict[int, ParsedAnswer]) -> None:
    """Replace the answers to these questions (already checked by parse_answers)."""
    Answer.objects.filter(audit_return=audit_return, question_id__in=list(parsed)).delete()
    rows = []
    for question_id, answer in parsed.items():
        if answer.options:
            rows += [Answer(audit_return=audit_return, question_id=question_id, option=o) for o in answer.options]
        elif not answer.empty:
            rows.append(
                Answer(audit_return=audit_return, question_id=question_id, number=answer.number, text=answer.text)
            )
    Answer.objects.bulk_create(rows)
    audit_return.save(update_fields=["updated_at"])


def save_draft(audit_return: AuditReturn, raw: dict[str, object]) -> list[str]:
    """Save what was answered; the problems if anything was refused (then nothing is saved)."""
    check_open(audit_return.round)
    if audit_return.is_submitted:
        raise ReturnError(f"{audit_return} is submitted and locked: ask your borough's audit lead to reopen it.")
    parsed, problems = parse_answers(questions_of(audit_return.round), raw)
    if problems:
        return problems
    with transaction.atomic():
        write_answers(audit_return, parsed)
    return []


def unanswered(audit_return: AuditReturn) -> list[AuditQuestion]:
    """Questions still to answer (free-text questions may be left empty)."""
    answered = set(audit_return.answers.values_list("question_id", flat=True))
    return [q for q in questions_of(audit_return.round) if q.pk not in answered and q.kind != "text"]


def progress(audit_return: AuditReturn) -> tuple[int, int]:
    """(answered, total): "14 of 32 answered"."""
    questions = questions_of(audit_return.round)
    answered = set(audit_return.answers.values_list("question_id", flat=True))
    return sum(1 for q in questions if q.pk in answered), len(questions)


def submit(audit_return: AuditReturn) -> None:
    check_open(audit_return.round)
    missing = unanswered(audit_return)
    if missing:
        codes = ", ".join(q.code for q in missing[:8])
        raise ReturnError(f"{len(missing)} question{'s' if len(missing) != 1 else ''} still to answer ({codes}).")
    audit_return.status = ReturnStatus.SUBMITTED
    audit_return.submitted_at = timezone.now()
    audit_return.reopened_reason = ""
    audit_return.save(update_fields=["status", "submitted_at", "reopened_reason", "updated_at"])


def reopen(audit_return: AuditReturn, reason: str) -> None:
    """Back to draft, for the borough's audit lead; the reason is kept with the return."""
    check_open(audit_return.round)
    if not audit_return.is_submitted:
        raise ReturnError(f"{audit_return} is a draft already: only a submitted return is reopened.")
    reason = " ".join((reason or "").split())
    if not reason:
        raise ReturnError("Say why the return is reopened.")
    if len(reason) > 300:
        raise ReturnError("Keep the reason under 300 characters.")
    try:
        guard_text(reason, "the reason")
    except AnswerError as error:
        raise ReturnError(str(error)) from None
    audit_return.status = ReturnStatus.DRAFT
    audit_return.reopened_reason = reason
    audit_return.save(update_fields=["status", "reopened_reason", "updated_at"])
