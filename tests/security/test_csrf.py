"""CSRF: every state-changing public form refuses a POST without the token and writes nothing.

Client(enforce_csrf_checks=True) behaves as a browser on another site would: it can send the
form fields and even the cookie, but not the token from our page.
"""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from core.roles import NETWORK_MEMBERS
from events.enums import BookingStatus
from events.models import Booking
from events.services.tokens import booking_url
from resources.models import Adoption, Membership
from tests.events.conftest import form_data
from tests.factories import BookingFactory, EventPageFactory, ResourcePageFactory
from tests.resources.admin_helpers import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def forged() -> Client:
    return Client(enforce_csrf_checks=True)


def with_token(client: Client, page_url: str, data: dict) -> dict:
    """The same POST with the token a real visitor's page carries, to show the refusal is the token's doing."""
    client.get(page_url)
    return {**data, "csrfmiddlewaretoken": client.cookies["csrftoken"].value}


def test_booking(forged):
    event = EventPageFactory(capacity=5)
    assert forged.post(event.url + "book/", form_data()).status_code == 403
    assert not Booking.objects.exists()
    assert forged.post(event.url + "book/", with_token(forged, event.url, form_data())).status_code == 302
    assert Booking.objects.count() == 1


def test_cancelling_a_booking(forged):
    booking = BookingFactory()
    url = booking_url(booking)
    assert forged.post(url, {"confirm": "yes"}).status_code == 403
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    forged.post(url, with_token(forged, url, {"confirm": "yes"}))
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED


def test_recording_adoption(forged, camden, hackney):
    resource = ResourcePageFactory(parent=camden)
    user = make_user("synthetic-member", NETWORK_MEMBERS)
    Membership.objects.create(user=user, borough=hackney)
    forged.force_login(user)
    url = reverse("record_adoption", args=[resource.pk])
    data = {"borough": hackney.slug, "action": "adopt"}
    assert forged.post(url, data).status_code == 403
    assert not Adoption.objects.exists()
    forged.post(url, with_token(forged, resource.url, data))
    assert Adoption.objects.count() == 1


@pytest.mark.parametrize("url", ["/admin/login/", "/django-admin/login/"])
def test_sign_in(forged, url):
    """Login CSRF: another site must not sign a visitor in to an account of the attacker's."""
    get_user_model().objects.create_superuser("synthetic-attacker", "a@exchange.example", "a-long-test-password")
    data = {"username": "synthetic-attacker", "password": "a-long-test-password"}
    assert forged.post(url, data).status_code == 403
    assert "_auth_user_id" not in forged.session


def test_second_factor_step(forged):
    user = get_user_model().objects.create_superuser("synthetic-editor", "e@exchange.example", "a-long-test-password")
    device = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    StaticToken.objects.create(device=device, token="synthcode1")
    forged.force_login(user, two_factor=False)
    url = reverse("accounts_two_factor_verify")
    assert forged.post(url, {"token": "synthcode1"}).status_code == 403
    assert StaticToken.objects.filter(token="synthcode1").exists()  # not used up
