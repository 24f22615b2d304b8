"""Audit tools as a coordinator builds them, and the frozen versions rounds use.

A coordinator edits an AuditTool and its ToolQuestions freely. A round uses an
AuditToolVersion: a copy of the questions taken when the round is set up
(audits.services.versions), so editing the tool never changes a round that has returns.
"""

from django import forms
from django.db import models
from django.utils.text import slugify
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from audits.enums import YES_NO_OPTIONS, QuestionKind


def lines_as_options(text: str) -> list[list[str]]:
    """One option per non-empty line, as [slug, label] pairs in order (duplicates dropped)."""
    options: dict[str, str] = {}
    for line in (text or "").splitlines():
        label = " ".join(line.split())
        if label and slugify(label) and slugify(label) not in options:
            options[slugify(label)] = label
    return [[slug, label] for slug, label in options.items()]


class RatingScale(models.Model):
    """A named rating scale, e.g. Good / Adequate / Requires improvement / Inadequate (best first)."""

    name = models.CharField(max_length=100, unique=True)
    levels = models.TextField(help_text="One level per line, best first.")

    panels = [FieldPanel("name"), FieldPanel("levels")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def options(self) -> list[list[str]]:
        return lines_as_options(self.levels)


class AuditTool(ClusterableModel):
    """An audit tool: sections of questions. Rounds use a frozen version of it."""

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True, help_text="Used in addresses and exports.")
    intro = models.TextField(blank=True, help_text="What the audit looks at, and how to choose cases.")
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        MultiFieldPanel([FieldPanel("title"), FieldPanel("slug"), FieldPanel("intro")], heading="The tool"),
        InlinePanel("questions", heading="Questions", label="Question"),
    ]

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class QuestionFields(models.Model):
    """What a question is, shared by the editable tool and its frozen versions."""

    section = models.CharField(max_length=120, help_text="Questions with the same section are shown together.")
    code = models.SlugField(
        max_length=20, help_text="Short and stable, e.g. s47-03: the column heading in imports and exports."
    )
    text = models.CharField(max_length=300)
    guidance = models.TextField(blank=True, help_text="What the auditor looks for.")
    kind = models.CharField(max_length=10, choices=QuestionKind.choices)
    unit = models.CharField(max_length=40, blank=True, help_text="For numbers, e.g. working days.")

    class Meta:
        abstract = True


class ToolQuestion(Orderable, QuestionFields):
    tool = ParentalKey(AuditTool, on_delete=models.CASCADE, related_name="questions")
    scale = models.ForeignKey(RatingScale, null=True, blank=True, on_delete=models.PROTECT, help_text="For ratings.")
    options_text = models.TextField("Options", blank=True, help_text="For one or several choices: one option per line.")
    use_audiences = models.BooleanField(
        "Options are the exchange's audiences", default=False, help_text="For choices, e.g. agencies present."
    )
    cp_stages = ParentalManyToManyField("resources.CPStage", blank=True, related_name="+")
    tags = ParentalManyToManyField("taggit.Tag", blank=True, related_name="+")

    panels = [
        FieldPanel("section"),
        FieldPanel("code"),
        FieldPanel("text"),
        FieldPanel("guidance"),
        FieldPanel("kind"),
        # A plain list: a network has a handful of scales, and a chooser would hide them behind a dialog.
        FieldPanel("scale", widget=forms.Select),
        FieldPanel("unit"),
        FieldPanel("options_text"),
        FieldPanel("use_audiences"),
        FieldPanel("cp_stages"),
    ]

    def __str__(self) -> str:
        return f"{self.code}: {self.text}"


class AuditToolVersion(models.Model):
    tool = models.ForeignKey(AuditTool, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["tool", "number"]
        constraints = [models.UniqueConstraint(fields=["tool", "number"], name="one_number_per_tool_version")]

    def __str__(self) -> str:
        return f"{self.tool} (version {self.number})"


class AuditQuestion(QuestionFields):
    """A question as a round asks it: options are fixed here ([slug, label] pairs, in order)."""

    version = models.ForeignKey(AuditToolVersion, on_delete=models.CASCADE, related_name="questions")
    sort_order = models.PositiveIntegerField(default=0)
    options = models.JSONField(default=list, blank=True)
    cp_stages = models.ManyToManyField("resources.CPStage", blank=True, related_name="+")
    tags = models.ManyToManyField("taggit.Tag", blank=True, related_name="+")

    class Meta:
        ordering = ["version", "sort_order", "pk"]
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="one_code_per_version")]

    def __str__(self) -> str:
        return f"{self.code}: {self.text}"

    @property
    def option_labels(self) -> dict[str, str]:
        return dict(self.options)


def question_options(question: ToolQuestion, audiences: list[list[str]]) -> list[list[str]]:
    """The [slug, label] options a tool question freezes into its version."""
    if question.kind == QuestionKind.YES_NO:
        return [list(option) for option in YES_NO_OPTIONS]
    if question.kind == QuestionKind.RATING:
        return question.scale.options if question.scale_id else []
    if question.kind in (QuestionKind.CHOICE, QuestionKind.CHOICES):
        return audiences if question.use_audiences else lines_as_options(question.options_text)
    return []
