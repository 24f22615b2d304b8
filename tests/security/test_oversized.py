"""Oversized requests: huge bodies, very long query strings and floods of parameters get a clear 4xx or a
normal answer, never a 500 (and nothing is written)."""

import time

import pytest

from events.models import Booking
from tests.events.conftest import form_data
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db

PUBLIC_GETS = ["/search/", "/search/?format=json", "/search/suggest/", "/resources/", "/events/", "/"]


def test_a_body_over_data_upload_max_memory_size_is_refused(client, settings):
    event = EventPageFactory(capacity=5)
    padding = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = client.post(event.url + "book/", form_data(access_needs=padding))
    assert response.status_code == 400
    assert not Booking.objects.exists()


def test_a_long_field_is_a_form_error_not_a_crash(client):
    event = EventPageFactory(capacity=5)
    response = client.post(event.url + "book/", form_data(name="n" * 50_000, organisation="o" * 50_000))
    assert response.status_code == 400
    assert not Booking.objects.exists()


@pytest.mark.parametrize("url", PUBLIC_GETS)
def test_a_very_long_query_string(client, url):
    separator = "&" if "?" in url else "?"
    started = time.monotonic()
    response = client.get(f"{url}{separator}q={'strategy%20' * 20_000}&page={'9' * 5000}")
    assert response.status_code in (200, 400, 404), url
    assert time.monotonic() - started < 10, url


@pytest.mark.parametrize("url", PUBLIC_GETS)
def test_too_many_parameters(client, settings, url):
    separator = "&" if "?" in url else "?"
    flood = "&".join(f"p{n}=1" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    response = client.get(f"{url}{separator}{flood}")
    assert response.status_code in (200, 400), url


@pytest.mark.parametrize(
    "name", ["tag", "stage", "borough", "type", "exclude_tag", "audience", "sos", "year", "host", "format"]
)
def test_thousands_of_filter_values(client, name):
    """Each value of a repeated filter becomes part of the query: thousands must not break the database."""
    values = "&".join(f"{name}=slug-{n}" for n in range(5000))
    started = time.monotonic()
    for url in (f"/search/?{values}", f"/search/?{values}&format=json", f"/resources/?{values}", f"/events/?{values}"):
        response = client.get(url)
        assert response.status_code in (200, 400), url
    assert time.monotonic() - started < 30


def test_a_long_booking_token_and_path(client):
    assert client.get("/events/booking/" + "a" * 10_000 + "/").status_code == 404
    assert client.get("/" + "deep/" * 2000).status_code == 404
