"""Security headers: a strict CSP with nonces on public pages, a relaxed one for the admin, and the rest."""

import re

import pytest
from django.urls import reverse


@pytest.fixture
def public_page(client, home):
    return client.get("/")


def test_public_csp_uses_a_nonce_and_allows_no_inline_code(public_page):
    csp = public_page["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp
    nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
    assert f'nonce="{nonce}"' in public_page.content.decode()


def test_each_response_gets_a_fresh_nonce(client, home):
    first, second = (re.search(r"'nonce-([^']+)'", client.get("/")["Content-Security-Policy"]) for _ in range(2))
    assert first.group(1) != second.group(1)


def test_admin_gets_its_own_relaxed_policy(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("synthetic-admin", "a@exchange.example", "x" * 14))
    csp = client.get(reverse("wagtailadmin_home"))["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in csp
    assert "frame-ancestors 'self'" in csp


def test_other_headers(public_page):
    assert public_page["Referrer-Policy"] == "same-origin"
    assert public_page["X-Content-Type-Options"] == "nosniff"
    assert public_page["X-Frame-Options"] == "DENY"
    policy = public_page["Permissions-Policy"]
    assert "camera=()" in policy and "geolocation=()" in policy and "microphone=()" in policy


def test_hsts_on_https_when_configured(client, home, settings):
    """Production sets SECURE_HSTS_SECONDS (a year, with subdomains and preload); check --deploy guards it in CI."""
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
