"""The public booking form. Every field is validated; nothing is saved unless all of it is valid."""

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from events.services.bookings import BookingDetails

# Line breaks and other control characters have no place in a name or role, and in an
# email header they would be an injection attempt.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def no_control_characters(value: str) -> None:
    if CONTROL_CHARACTERS.search(value):
        raise ValidationError("Remove line breaks and special characters.")


class BookingForm(forms.Form):
    name = forms.CharField(
        label="Full name",
        max_length=100,
        validators=[no_control_characters],
        error_messages={"required": "Enter your name.", "max_length": "Name must be 100 characters or fewer."},
    )
    email = forms.EmailField(
        label="Work email address",
        max_length=254,
        help_text="We send your confirmation and a link to view or cancel your booking here.",
        error_messages={
            "required": "Enter your work email address.",
            "invalid": "Enter an email address in the correct format, like name@borough.gov.uk.",
            "max_length": "Email address must be 254 characters or fewer.",
        },
    )
    organisation = forms.CharField(
        label="Borough or organisation",
        max_length=150,
        validators=[no_control_characters],
        error_messages={
            "required": "Enter your borough or organisation.",
            "max_length": "Borough or organisation must be 150 characters or fewer.",
        },
    )
    role = forms.CharField(
        label="Role",
        max_length=100,
        help_text="For example, social worker, designated safeguarding lead, health visitor.",
        validators=[no_control_characters],
        error_messages={"required": "Enter your role.", "max_length": "Role must be 100 characters or fewer."},
    )
    access_needs = forms.CharField(
        label="Access or dietary needs (optional)",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Anything we should arrange so you can take part.",
        error_messages={"max_length": "Access or dietary needs must be 500 characters or fewer."},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}-hint"

    def full_clean(self) -> None:
        super().full_clean()
        # Screen readers announce the message with the field (ids match components/form_field.html).
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                described = " ".join(filter(None, [widget.attrs.get("aria-describedby", ""), f"id_{name}-error"]))
                widget.attrs.update({"aria-describedby": described, "aria-invalid": "true"})

    def clean_email(self) -> str:
        value = self.cleaned_data["email"]
        if CONTROL_CHARACTERS.search(value) or "," in value:
            raise ValidationError("Enter one email address, with no line breaks.")
        return value.strip().lower()

    def details(self) -> BookingDetails:
        data = self.cleaned_data
        return BookingDetails(
            name=data["name"],
            email=data["email"],
            organisation=data["organisation"],
            role=data["role"],
            access_needs=data.get("access_needs", ""),
        )


class CancelBookingForm(forms.Form):
    confirm = forms.BooleanField(
        label="Yes, cancel my booking",
        error_messages={"required": "Tick the box to confirm you want to cancel."},
    )
