"""Passkeys in Chromium with a virtual authenticator (Chrome DevTools Protocol's WebAuthn domain):
the seeded lead registers one after a TOTP sign-in, signs out, and signs in with password + passkey.

Browsers refuse an IP address as a passkey's relying party, so this journey reaches the test
server as http://localhost:<port> (a secure context, like 127.0.0.1); conftest.py configures
the server's OTP_WEBAUTHN_RP_ID and allowed origin to match.
"""

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.admin import enter_lead_password, sign_in_as_lead
from tests.browser.seed import LEAD_PASSKEY_TEST_TOTP_KEY


@pytest.fixture
def localhost_page(browser: Browser, live_site: str) -> Iterator[Page]:
    context = browser.new_context(base_url=live_site.replace("127.0.0.1", "localhost"))
    page = context.new_page()
    yield page
    context.close()


def _security_problems(page: Page) -> list[str]:
    """Console errors and uncaught exceptions from here on (a CSP refusal is a console error)."""
    problems: list[str] = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


def test_register_a_passkey_then_sign_in_with_it(localhost_page: Page):
    page = localhost_page
    problems = _security_problems(page)
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    authenticator = cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )["authenticatorId"]

    # Registering needs a verified session: the lead signs in with a TOTP code first.
    sign_in_as_lead(page, totp_key=LEAD_PASSKEY_TEST_TOTP_KEY)
    page.goto("/admin/account/")
    page.get_by_role("tab", name="More actions").click()
    page.get_by_role("link", name="Passkeys", exact=True).click()
    expect(page.get_by_role("heading", name="Passkeys", level=1)).to_be_visible()
    # From here on every page is the passkeys flow's (Wagtail's account page logs a time-zone
    # error in this Chromium build, which is not ours to judge).
    problems.clear()
    page.get_by_role("button", name="Register a passkey").click()
    expect(page.locator("#passkey-register-status-message")).to_have_text("Registration successful!")
    credentials = cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})["credentials"]
    assert len(credentials) == 1
    assert credentials[0]["rpId"] == "localhost"
    page.reload()
    expect(page.get_by_role("button", name="Remove")).to_have_count(1)

    # Sign out through Wagtail's own sign-out (a POST with the CSRF token), as the menu does.
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    assert page.request.post("/admin/logout/", headers={"X-CSRFToken": token}, max_redirects=0).status == 302
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))

    # Password, then the passkey instead of a code.
    enter_lead_password(page)
    page.get_by_role("button", name="Use a passkey").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator(".w-dashboard")).to_be_visible()
    used = cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})["credentials"]
    assert used[0]["signCount"] > credentials[0]["signCount"]

    assert not [p for p in problems if "Content Security Policy" in p or "Refused to" in p], problems
    assert not problems, problems
