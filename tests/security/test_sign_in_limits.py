"""Every form that takes a password or a code has the same per-address limit (429 after RATE_LIMITS["login"])
and, where a username is given, the same lockout. The forms are found in the URL configuration, so a
new sign-in route (a package's, or Wagtail's front-end ones) cannot be added without the limit."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import URLPattern, URLResolver, get_resolver
from django_otp.plugins.otp_static.models import StaticDevice

pytestmark = pytest.mark.django_db

OFFICE = {"REMOTE_ADDR": "198.51.100.30"}
ELSEWHERE = {"REMOTE_ADDR": "198.51.100.31"}
PASSWORD = "a-long-synthetic-password"

LOOKS_LIKE_SIGN_IN = re.compile(r"log_?in|sign_?in|authenticat|verify", re.IGNORECASE)
# Matched by the pattern above but not guessable, each for a reason:
NOT_A_GUESS = {
    # WebAuthn ceremonies: a signature by the authenticator's private key, nothing to guess.
    "credential-authentication-begin",
    "credential-authentication-complete",
}
# Forms reached half-way through signing in (password given, second factor not yet).
AFTER_FIRST_FACTOR = {"accounts_two_factor_verify"}


def _walk(patterns, prefix: str = ""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.name or ""


def _concrete(route: str) -> str:
    """A request path for a route: every converter (<int:id>, <str:x>) given the value 1."""
    return "/" + re.sub(r"<(?:\w+:)?\w+>", "1", route).lstrip("^").rstrip("$")


def sign_in_routes() -> list[tuple[str, str]]:
    found = {}
    for route, name in _walk(get_resolver().url_patterns):
        if LOOKS_LIKE_SIGN_IN.search(f"{route} {name}") and name not in NOT_A_GUESS and "logout" not in route:
            found.setdefault(_concrete(route), name)
    return sorted(found.items())


def test_the_enumeration_finds_the_known_sign_in_forms():
    paths = {path for path, _ in sign_in_routes()}
    assert {
        "/admin/login/",
        "/django-admin/login/",
        "/_util/login/",
        "/admin/2fa/verify/",
        "/_util/authenticate_with_password/1/1/",
        "/documents/authenticate_with_password/1/",
    } <= paths


@pytest.fixture
def tight(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "login": "3/m"}


@pytest.mark.parametrize(("path", "name"), sign_in_routes())
def test_every_sign_in_form_is_limited_per_address(client, tight, path, name):
    if name in AFTER_FIRST_FACTOR:
        user = get_user_model().objects.create_superuser("synthetic-half-signed", "h@exchange.example", PASSWORD)
        StaticDevice.objects.create(user=user, name="codes", confirmed=True)
        client.force_login(user, two_factor=False)
    data = {"username": "synthetic-sprayed", "password": "wrong-guess-xx", "token": "00000000"}
    for n in range(3):
        response = client.post(path, {**data, "username": f"synthetic-sprayed-{n}"}, **OFFICE)
        assert response.status_code != 429, (path, n)
    response = client.post(path, data, **OFFICE)
    assert response.status_code == 429, path
    assert "Retry-After" in response
    assert client.post(path, data, **ELSEWHERE).status_code != 429, path


@pytest.mark.parametrize("path", [path for path, _ in sign_in_routes() if "login" in path])
def test_every_username_sign_in_locks_out_after_repeated_failures(client, settings, path):
    user = get_user_model().objects.create_user("synthetic-member-x", "m@exchange.example", PASSWORD)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(path, {"username": user.username, "password": "wrong-guess-xx"}, **OFFICE)
    locked = client.post(path, {"username": user.username, "password": PASSWORD}, **OFFICE)
    assert locked.status_code == 429, path
    assert "_auth_user_id" not in client.session
