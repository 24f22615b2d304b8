"""Admin forms of the audits: a round, an invitation's answer, a return, a reopening, an import."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from taggit.models import Tag

from audits.enums import QuestionKind
from audits.models import AuditQuestion, AuditRound, AuditTool
from audits.services.answers import MAX_TEXT, tags_named
from resources.models import BoroughPage


class RoundForm(forms.ModelForm):
    tool = forms.ModelChoiceField(
        queryset=AuditTool.objects.all(),
        help_text="The round uses the tool's questions as they are now; later edits make a new version.",
    )
    invited = forms.ModelMultipleChoiceField(
        queryset=BoroughPage.objects.order_by("title"),
        widget=forms.CheckboxSelectMultiple,
        label="Invite boroughs",
    )

    class Meta:
        model = AuditRound
        fields = ["title", "slug", "opens_on", "closes_on", "target_cases", "findings"]
        # A date box takes ISO dates only: the British format would leave it empty on editing.
        widgets = {
            "opens_on": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
            "closes_on": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["tool"].initial = self.instance.version.tool_id
            self.fields["invited"].initial = list(self.instance.boroughs.values_list("borough_id", flat=True))
            if self.instance.returns.exists():
                self.fields["tool"].disabled = True
                self.fields["tool"].help_text = "The round has returns: its questions are fixed."
        self.fields["findings"].queryset = self.fields["findings"].queryset.filter(resource_type="audit-findings")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("opens_on") and data.get("closes_on") and data["closes_on"] < data["opens_on"]:
            self.add_error("closes_on", "The closing date must be on or after the opening date.")
        return data


class InvitationForm(forms.Form):
    taking_part = forms.TypedChoiceField(
        label="Will your borough take part?",
        choices=[("yes", "Yes, we will audit cases"), ("no", "No, not this round")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    named = forms.BooleanField(
        required=False,
        label="Name our borough to the other boroughs taking part",
        help_text="Otherwise the pooled findings show it as a letter (Borough A, B, …).",
    )


def _field(question: AuditQuestion) -> forms.Field:
    label = f"{question.code}: {question.text}"
    common = {
        "label": label,
        "required": False,
        "help_text": question.guidance,
        # Django's own message repeats what was sent, which a person typed.
        "error_messages": {
            "invalid_choice": "Choose one of the answers listed.",
            "invalid_list": "Choose from the answers listed.",
        },
    }
    if question.kind == QuestionKind.CHOICES:
        return forms.MultipleChoiceField(choices=question.options, widget=forms.CheckboxSelectMultiple, **common)
    if question.kind in (QuestionKind.RATING, QuestionKind.YES_NO, QuestionKind.CHOICE):
        return forms.ChoiceField(choices=question.options, widget=forms.RadioSelect, **common)
    if question.kind == QuestionKind.NUMBER:
        unit = f" ({question.unit})" if question.unit else ""
        return forms.CharField(max_length=20, **{**common, "label": label + unit})
    return forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=MAX_TEXT, **common)


class ReturnForm(forms.Form):
    """One field per question, named by its code; the answers' parser checks them (services.answers)."""

    themes = forms.CharField(
        required=False,
        max_length=400,
        help_text="What this case taught, as the exchange's tags, separated by commas (e.g. strategy meetings).",
    )

    def __init__(self, *args: Any, questions: list[AuditQuestion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[question.code] = _field(question)

    def sections(self) -> list[tuple[str, list[forms.BoundField]]]:
        grouped: list[tuple[str, list[forms.BoundField]]] = []
        for question in self.questions:
            if not grouped or grouped[-1][0] != question.section:
                grouped.append((question.section, []))
            grouped[-1][1].append(self[question.code])
        return grouped

    def clean_themes(self) -> list[Tag]:
        tags, unknown = tags_named(self.cleaned_data["themes"])
        if unknown:
            raise ValidationError(
                f"{len(unknown)} of the themes {'is not a tag' if len(unknown) == 1 else 'are not tags'} of the "
                "exchange. Use the tags resources carry (see /search/), separated by commas."
            )
        return tags

    def answers(self) -> dict[str, object]:
        return {q.code: self.cleaned_data.get(q.code) for q in self.questions}


class ReopenForm(forms.Form):
    reason = forms.CharField(
        max_length=300, label="Why is the return reopened?", widget=forms.Textarea(attrs={"rows": 2})
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label="A CSV (UTF-8) or XLSX file",
        help_text="One row per case; the first row holds the question codes (a borough column is optional here).",
    )
    dry_run = forms.BooleanField(required=False, label="Check only: import nothing")
