"""Reading an answer as a person or a spreadsheet writes it, for one question: every rule in one place.

Used by the return form and the import, so both accept and refuse exactly the same things.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.text import slugify
from taggit.models import Tag

from audits.enums import QuestionKind
from audits.models import AuditQuestion
from audits.services import text_rules
from resources.guard import scan
from resources.services.page_guard import KIND_LABELS

MAX_TEXT = 2000
_PLAIN_NUMBER = re.compile(r"[0-9]{1,9}(?:\.[0-9]{1,2})?")
MAX_NUMBER = Decimal("9999999")


class AnswerError(ValueError):
    """An answer that cannot be saved; the message says what to change."""


@dataclass
class ParsedAnswer:
    options: list[str] = field(default_factory=list)
    number: Decimal | None = None
    text: str = ""

    @property
    def empty(self) -> bool:
        return not self.options and self.number is None and not self.text


def _option(question: AuditQuestion, value: str) -> str:
    """The option's slug for what was written: its slug or its label, in any case."""
    wanted = slugify(value)
    for slug, label in question.options:
        if wanted in (slug, slugify(label)):
            return slug
    choices = ", ".join(label for _, label in question.options)
    raise AnswerError(f"{shown(value)} is not an answer to {question.code}: use one of {choices}.")


def _identifying(text: str) -> list[str]:
    """What in ``text`` could identify someone: the guard's findings and the audits' stricter rules
    (audits.services.text_rules)."""
    findings = scan(text)
    kinds = sorted({KIND_LABELS.get(str(f.kind), str(f.kind)).lower() for f in findings})
    return kinds + text_rules.problems(text)


def guard_text(text: str, question_code: str) -> None:
    """Refuse free text that could identify a child or family: auditors cannot override this."""
    found = _identifying(text)
    if found:
        raise AnswerError(
            f"The answer to {question_code} looks like it holds personal data ({'; '.join(found)}). "
            "Describe the practice, not the family: write roles (the child's mother, the school nurse), "
            "and no names, dates, addresses, numbers or case references."
        )


def shown(value: object) -> str:
    """A value as a message may repeat it: never one that could identify someone."""
    text = " ".join(str(value).split())
    if not text:
        return "an empty value"
    if _identifying(text):
        return "a value not repeated here (it may identify someone)"
    return f"“{text[:40]}{'…' if len(text) > 40 else ''}”"


def parse_answer(question: AuditQuestion, raw: str | list[str] | None) -> ParsedAnswer:
    """Check one raw answer (a form value, a list of ticked options, or a spreadsheet cell)."""
    if isinstance(raw, list):
        values = [str(v).strip() for v in raw if str(v).strip()]
        text = "; ".join(values)
    else:
        text = str(raw if raw is not None else "").strip()
        values = [part.strip() for part in text.split(";") if part.strip()]
    if not text:
        return ParsedAnswer()
    kind = question.kind
    if kind == QuestionKind.TEXT:
        if len(text) > MAX_TEXT:
            raise AnswerError(f"The answer to {question.code} is {len(text)} characters: keep it under {MAX_TEXT}.")
        guard_text(text, question.code)
        return ParsedAnswer(text=text)
    if kind == QuestionKind.NUMBER:
        plain = text.replace(",", "")
        if not _PLAIN_NUMBER.fullmatch(plain):
            raise AnswerError(f"The answer to {question.code} must be a number such as 3 or 4.5, not {shown(text)}.")
        try:
            number = Decimal(plain)
        except InvalidOperation:
            raise AnswerError(f"The answer to {question.code} must be a number, not {shown(text)}.") from None
        if not number.is_finite() or number < 0 or number > MAX_NUMBER:
            raise AnswerError(f"The answer to {question.code} must be a number from 0 to {MAX_NUMBER:,}.")
        return ParsedAnswer(number=number.quantize(Decimal("0.01")))
    if kind == QuestionKind.CHOICES:
        return ParsedAnswer(options=list(dict.fromkeys(_option(question, value) for value in values)))
    if len(values) > 1:
        raise AnswerError(f"{question.code} takes one answer; {shown(text)} gives {len(values)}.")
    return ParsedAnswer(options=[_option(question, values[0])])


def tags_named(text: str) -> tuple[list[Tag], list[str]]:
    """The exchange's tags a themes box or cell names (separated by , or ;), and the names that are not tags."""
    names = [" ".join(name.split()) for name in text.replace(";", ",").split(",") if name.strip()]
    found = {tag.name.lower(): tag for name in names for tag in Tag.objects.filter(name__iexact=name)[:1]}
    tags = {found[name.lower()].pk: found[name.lower()] for name in names if name.lower() in found}
    return list(tags.values()), [name for name in names if name.lower() not in found]
