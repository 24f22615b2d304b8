"""Open redirects: `next` on the sign-in form and the second-factor step only ever leads back into this site."""

from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

pytestmark = pytest.mark.django_db

HOSTILE_NEXT = [
    "https://evil.example/",
    "http://evil.example/admin/",
    "//evil.example/",
    "///evil.example/",
    "/\\evil.example/",
    "\\\\evil.example/",
    "\\/evil.example/",
    " //evil.example/",
    "https:/evil.example/",
    "http:evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "/%09/evil.example/",
    "https://testserver.evil.example/",
    "https://testserver@evil.example/",
]


def assert_stays_here(response) -> None:
    assert response.status_code == 302
    location = response["Location"]
    parts = urlsplit(location)
    assert not parts.scheme and not parts.netloc, location
    assert location.startswith("/") and not location.startswith(("//", "/\\")), location


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("synthetic-editor", "e@exchange.example", "a-long-test-password")


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_sign_in_next(client, editor, target):
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": "synthetic-editor", "password": "a-long-test-password", "next": target},
    )
    assert_stays_here(response)


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_sign_in_next_in_the_query_string(client, editor, target):
    response = client.post(
        reverse("wagtailadmin_login") + "?" + "next=" + target,
        {"username": "synthetic-editor", "password": "a-long-test-password"},
    )
    assert_stays_here(response)


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_second_factor_next(client, editor, target):
    device = StaticDevice.objects.create(user=editor, name="Recovery codes", confirmed=True)
    StaticToken.objects.create(device=device, token="synthcode1")
    client.force_login(editor, two_factor=False)
    response = client.post(reverse("accounts_two_factor_verify"), {"token": "synthcode1", "next": target})
    assert_stays_here(response)


def test_a_local_next_is_still_followed(client, editor):
    device = StaticDevice.objects.create(user=editor, name="Recovery codes", confirmed=True)
    StaticToken.objects.create(device=device, token="synthcode1")
    client.force_login(editor, two_factor=False)
    response = client.post(reverse("accounts_two_factor_verify"), {"token": "synthcode1", "next": "/admin/pages/"})
    assert response["Location"] == "/admin/pages/"
