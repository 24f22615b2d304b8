"""The GOV.UK form components every form on the exchange (and the events booking form) renders through."""

import pytest
from django import forms
from django.template import Context, Template

from home.templatetags.govuk_forms import error_list


class ExampleForm(forms.Form):
    email = forms.EmailField(label="Email address", help_text="A team or role mailbox.")
    sessions = forms.MultipleChoiceField(
        label="Sessions", choices=[("am", "Morning"), ("pm", "Afternoon")], widget=forms.CheckboxSelectMultiple
    )
    notes = forms.CharField(label="Access needs", widget=forms.Textarea, required=False)

    def clean(self):
        if self.data.get("notes") == "clash":
            raise forms.ValidationError("These sessions clash.")
        return super().clean()


TEMPLATE = Template(
    "{% load govuk_forms %}"
    '{% include "components/error_summary.html" with errors=form|error_list only %}'
    '{% for field in form %}{% include "components/form_field.html" with field=field only %}{% endfor %}'
)


def render(form: forms.Form) -> str:
    return TEMPLATE.render(Context({"form": form}))


def test_valid_or_unbound_form_has_no_error_summary():
    html = render(ExampleForm())
    assert "govuk-error-summary" not in html
    assert 'class="govuk-input" id="id_email" name="email" type="email"' in html
    assert 'aria-describedby="id_email-hint"' in html


def test_every_error_is_linked_from_the_summary_to_its_field():
    form = ExampleForm(data={"email": "not an address", "notes": "clash"})
    assert not form.is_valid()
    assert error_list(form) == [
        ("#id_email", "These sessions clash."),
        ("#id_email", "Enter a valid email address."),
        ("#id_sessions_0", "This field is required."),
    ]
    html = render(form)
    assert 'href="#id_sessions_0"' in html
    assert 'id="id_sessions_0"' in html  # the link's target exists
    assert 'class="govuk-form-group govuk-form-group--error"' in html
    assert 'aria-describedby="id_email-hint id_email-error"' in html
    assert '<span class="govuk-visually-hidden">Error:</span> Enter a valid email address.' in html
    assert 'value="not an address"' in html  # what was typed is kept


@pytest.mark.parametrize("value", ["", "<script>alert(1)</script>"])
def test_typed_values_are_escaped(value):
    html = render(ExampleForm(data={"email": value}))
    assert "<script>alert" not in html
