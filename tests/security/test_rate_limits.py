"""Rate limits on search (HTML, JSON, tag pages), typeahead and both sign-in steps: 429 with Retry-After."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
OFFICE = {"REMOTE_ADDR": "198.51.100.20"}
ELSEWHERE = {"REMOTE_ADDR": "198.51.100.21"}

pytestmark = pytest.mark.django_db


@pytest.fixture
def tight(settings):
    """Three requests an hour, so a test reaches each limit quickly."""
    # An hour, not a minute: windows are fixed, and on a busy machine four requests can straddle a
    # minute boundary and find the count reset.
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": "3/h", "suggest": "3/h", "login": "3/h"}


def hammer(client, method: str, url: str, data: dict | None = None, times: int = 3, **extra):
    for _ in range(times):
        response = getattr(client, method)(url, data or {}, **extra)
        assert response.status_code != 429
    return getattr(client, method)(url, data or {}, **extra)


def test_search_page_is_limited_per_address_with_a_readable_page(client, tight):
    response = hammer(client, "get", "/search/", {"q": "strategy"}, **OFFICE)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Too many attempts" in response.content.decode()
    # Another address is not held up by the first.
    assert client.get("/search/", {"q": "strategy"}, **ELSEWHERE).status_code == 200


def test_behind_a_proxy_each_forwarded_client_is_counted_apart(client, tight, settings):
    """The limits use the same client address as the sign-in lockout (accounts/client_ip.py)."""
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    response = hammer(client, "get", "/search/", {"q": "s47"}, HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy)
    assert response.status_code == 429
    assert client.get("/search/", {"q": "s47"}, HTTP_X_FORWARDED_FOR="203.0.113.6", **proxy).status_code == 200
    # Garbage from a misconfigured proxy is not a 500: it counts against the proxy's address.
    assert client.get("/search/", {"q": "s47"}, HTTP_X_FORWARDED_FOR="unknown", **proxy).status_code == 200


def test_search_json_answers_429_in_json(client, tight):
    response = hammer(client, "get", "/search/", {"q": "s47", "format": "json"}, **OFFICE)
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert response.json()["retry_after"] == int(response["Retry-After"])


def test_tag_pages_share_the_search_limit(client, tight):
    from taggit.models import Tag

    from tests.factories import ResourcePageFactory

    Tag.objects.create(name="Unused", slug="unused")
    ResourcePageFactory(tags=["S47"])
    client.get("/tags/no-such-tag/", **OFFICE)  # an unknown tag is answered before counting
    client.get("/tags/unused/", **OFFICE)  # so is one no readable resource carries
    assert client.get("/search/", **OFFICE).status_code == 200
    assert client.get("/search/", **OFFICE).status_code == 200
    assert client.get("/tags/s47/", **OFFICE).status_code == 200  # counted
    assert client.get("/search/", **OFFICE).status_code == 429


def test_typeahead_is_limited_in_json(client, tight):
    response = hammer(client, "get", "/search/suggest/", {"q": "str"}, **OFFICE)
    assert response.status_code == 429
    assert response.json()["error"] == "Too many requests"
    assert "Retry-After" in response


def test_admin_sign_in_is_limited_per_address_across_usernames(client, tight):
    """Password spraying: one address, a different username each time, so django-axes never locks."""
    url = reverse("wagtailadmin_login")
    for n in range(3):
        assert client.post(url, {"username": f"sprayed-{n}", "password": "wrong-guess-xx"}, **OFFICE).status_code == 200
    response = client.post(url, {"username": "sprayed-9", "password": "wrong-guess-xx"}, **OFFICE)
    assert response.status_code == 429
    assert "Retry-After" in response
    assert "Too many attempts" in response.content.decode()
    # Reading the sign-in page is never limited, and other addresses still sign in.
    assert client.get(url, **OFFICE).status_code == 200
    assert client.post(url, {"username": "sprayed-9", "password": "x"}, **ELSEWHERE).status_code == 200


def test_django_admin_sign_in_is_limited_too(client, tight):
    response = hammer(client, "post", "/django-admin/login/", {"username": "a", "password": "b"}, **OFFICE)
    assert response.status_code == 429


def test_two_factor_step_is_limited_per_address(client, tight):
    user = get_user_model().objects.create_superuser("synthetic-verifier", "v@exchange.example", "long-test-pass-xy")
    client.force_login(user, two_factor=False)
    from django_otp.plugins.otp_static.models import StaticDevice

    StaticDevice.objects.create(user=user, name="codes", confirmed=True)
    url = reverse("accounts_two_factor_verify")
    response = hammer(client, "post", url, {"token": "00000000"}, **OFFICE)
    assert response.status_code == 429
    assert "Retry-After" in response


def test_default_rates_are_generous_and_come_from_the_environment():
    code = "from django.conf import settings; print(settings.RATE_LIMITS)"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "exchange.settings.test"}
    defaults = subprocess.run(  # noqa: S603 - our own settings
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={k: v for k, v in env.items() if not k.startswith("RATE_LIMIT_")},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "'search': '120/m'" in defaults and "'suggest': '600/m'" in defaults and "'login': '20/10m'" in defaults
    overridden = subprocess.run(  # noqa: S603 - our own settings
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={**env, "RATE_LIMIT_SEARCH": "30/m"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "'search': '30/m'" in overridden
