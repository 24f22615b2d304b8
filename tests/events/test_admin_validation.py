"""Bad event settings are rejected in the admin with field errors, and nothing is saved."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from events.models import EventPage
from resources.models import BoroughPage

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("coordinator", "coordinator@example.org", "x")
    client.force_login(user)
    return client


def event_form(**overrides):
    data = {
        "title": "Practice day",
        "slug": "practice-day",
        "summary": "A practice day.",
        "start": "2027-03-29 10:00",
        "end": "2027-03-29 13:00",
        "event_format": "in-person",
        "venue_name": "Demo suite",
        "venue_address": "",
        "accessibility_notes": "",
        "joining_details": "",
        "host": str(BoroughPage.objects.get(slug="london-councils").pk),
        "tags": "",
        "description": rich_text(""),
        "agenda": streamfield([]),
        "capacity": "20",
        "registration_closes_at": "",
        "related_resources": inline_formset([]),
        "session_notes": inline_formset([]),
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(events_index) -> str:
    return reverse("wagtailadmin_pages:add", args=["events", "eventpage", events_index.pk])


def test_a_valid_event_is_created_in_london_time(admin_client, events_index):
    response = admin_client.post(add_url(events_index), event_form())
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    event = EventPage.objects.get(slug="practice-day")
    # 10:00 on the Monday after the clocks went forward is 09:00 UTC.
    assert event.start == datetime.datetime(2027, 3, 29, 9, tzinfo=datetime.UTC)
    assert event.start.astimezone(LONDON).hour == 10


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"end": "2027-03-29 09:00"}, "end", "The event must end after it starts."),
        ({"capacity": "-1"}, "capacity", "Capacity cannot be below zero."),
        ({"registration_closes_at": "2027-03-30 09:00"}, "registration_closes_at", "cannot close after the event ends"),
        ({"venue_name": ""}, "venue_name", "Give the venue"),
        # 01:30 on 28 March 2027 never happens in London: the clocks jump from 01:00 to 02:00.
        ({"start": "2027-03-28 01:30"}, "start", "couldn’t be interpreted in time zone Europe/London"),
        ({"summary": "s" * 401}, "summary", "at most 400 characters"),
    ],
)
def test_bad_settings_get_field_errors_and_save_nothing(admin_client, events_index, overrides, field, message):
    response = admin_client.post(add_url(events_index), event_form(**overrides))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors, errors
    assert any(message in error for error in errors[field]), errors[field]
    assert not EventPage.objects.filter(slug="practice-day").exists()
