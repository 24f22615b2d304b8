"""Case returns: one per audited case, numbered by the exchange, holding answers and nothing else.

No field can hold a name, case number, date of birth or address: the case is "Case 3 of
Camden in this round", and free-text answers pass the personal-data guard before saving.
"""

from django.conf import settings
from django.db import models

from audits.enums import ReturnStatus
from audits.querysets import AuditReturnQuerySet


class AuditReturn(models.Model):
    round = models.ForeignKey("audits.AuditRound", on_delete=models.PROTECT, related_name="returns")
    borough = models.ForeignKey("resources.BoroughPage", on_delete=models.PROTECT, related_name="audit_returns")
    number = models.PositiveIntegerField(help_text="Case 1, 2, … per borough per round.")
    status = models.CharField(max_length=10, choices=ReturnStatus.choices, default=ReturnStatus.DRAFT)
    themes = models.ManyToManyField("taggit.Tag", blank=True, related_name="+", help_text="What the case taught.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    reopened_reason = models.CharField(max_length=300, blank=True)
    # A digest of an imported row (answers and their order in the file), so importing the same
    # file again finds the returns it made instead of adding more. Never a case identifier.
    import_digest = models.CharField(max_length=64, blank=True, editable=False)

    objects = AuditReturnQuerySet.as_manager()

    class Meta:
        ordering = ["round", "borough", "number"]
        constraints = [
            models.UniqueConstraint(fields=["round", "borough", "number"], name="one_number_per_borough_round"),
            # An imported row is added once, even when the same file is imported twice at once.
            models.UniqueConstraint(
                fields=["round", "import_digest"],
                condition=~models.Q(import_digest=""),
                name="one_return_per_imported_row",
            ),
        ]

    def __str__(self) -> str:
        return f"Case {self.number}"

    @property
    def is_submitted(self) -> bool:
        return self.status == ReturnStatus.SUBMITTED


class Answer(models.Model):
    """One answer: an option's slug (one row per choice when several are chosen), a number or text."""

    audit_return = models.ForeignKey(AuditReturn, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey("audits.AuditQuestion", on_delete=models.PROTECT, related_name="answers")
    option = models.CharField(max_length=80, blank=True)
    number = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["question", "option"], name="answer_question_option")]

    def __str__(self) -> str:
        return f"{self.question.code} of {self.audit_return}"
