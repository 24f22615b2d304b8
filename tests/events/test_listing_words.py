"""/events/ as a practitioner reads it: "Join the waiting list" is a link to the booking form,
subscribing says "Get updates" in plain words, and topics are links."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import BookingFactory, EventPageFactory

pytestmark = pytest.mark.django_db


def test_join_the_waiting_list_links_to_the_booking_form(client, events_index):
    full = EventPageFactory(title="Core groups workshop", capacity=1, start=timezone.now() + datetime.timedelta(days=5))
    BookingFactory(event=full)
    html = client.get(events_index.url).content.decode()
    assert (
        f'<a class="govuk-link" href="{full.url}#book">Join the waiting list'
        '<span class="govuk-visually-hidden"> for Core groups workshop</span></a>'
    ) in html
    assert 'id="book" aria-labelledby="booking-heading"' in client.get(full.url).content.decode()


def test_subscribing_is_get_updates_in_plain_words(client, events_index):
    html = client.get(events_index.url).content.decode()
    assert "Get updates:" in html
    assert "Atom" not in html and "Subscribe:" not in html


def test_event_topics_are_links_not_labels(client, events_index):
    event = EventPageFactory(start=timezone.now() + datetime.timedelta(days=5))
    event.tags.set(["neglect"])
    event.save()
    html = client.get(event.url).content.decode()
    assert '<a class="govuk-link app-tag-link" href="/events/?tag=neglect">neglect</a>' in html
    assert "govuk-tag--grey" not in html
