"""Choices of the audit app: question kinds, the fixed yes/partly/no answers, statuses."""

from django.db import models


class QuestionKind(models.TextChoices):
    RATING = "rating", "Rating on a named scale"
    YES_NO = "yes-no", "Yes / partly / no / not applicable"
    NUMBER = "number", "A number with a unit"
    CHOICE = "choice", "One choice from a list"
    CHOICES = "choices", "Several choices from a list"
    TEXT = "text", "Free text"


# The answers of a YES_NO question, in the order they are shown and counted.
YES_NO_OPTIONS: tuple[tuple[str, str], ...] = (
    ("yes", "Yes"),
    ("partly", "Partly"),
    ("no", "No"),
    ("not-applicable", "Not applicable"),
)

# Kinds whose answers are counted option by option in the pooled findings.
COUNTED_KINDS = frozenset({QuestionKind.RATING, QuestionKind.YES_NO, QuestionKind.CHOICE, QuestionKind.CHOICES})


class ReturnStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"


class Participation(models.TextChoices):
    INVITED = "invited", "Invited"
    ACCEPTED = "accepted", "Taking part"
    DECLINED = "declined", "Declined"
