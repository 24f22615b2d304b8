"""Signing in to the Wagtail admin as the seeded Camden lead or coordinator (password, then the TOTP code)."""

import re
from binascii import unhexlify

from django_otp.oath import totp
from playwright.sync_api import Page, expect

from tests.browser.seed import (
    COORDINATOR_PASSWORD,
    COORDINATOR_TOTP_KEY,
    COORDINATOR_USERNAME,
    LEAD_PASSWORD,
    LEAD_TOTP_KEY,
    LEAD_USERNAME,
)


def current_code(key: str = LEAD_TOTP_KEY) -> str:
    return f"{totp(unhexlify(key)):06d}"


def enter_lead_password(page: Page, username: str = LEAD_USERNAME, password: str = LEAD_PASSWORD) -> None:
    """The first step: username and password, ending on the second step's page."""
    page.goto("/admin/login/")
    page.get_by_label(re.compile("username", re.I)).fill(username)
    page.get_by_label(re.compile("password", re.I)).fill(password)
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    expect(page.get_by_role("heading", name="Enter your sign-in code")).to_be_visible()


def sign_in_as_lead(page: Page, *, totp_key: str = LEAD_TOTP_KEY, username: str = LEAD_USERNAME) -> None:
    enter_lead_password(page, username)
    # Two-step sign-in, as for every admin account: the code from the lead's authenticator.
    page.get_by_label(re.compile("code", re.I)).fill(current_code(totp_key))
    page.get_by_role("button", name="Continue").click()
    expect(page).not_to_have_url(re.compile(r"/login/|/2fa/"))


def sign_in_as_coordinator(page: Page) -> None:
    enter_lead_password(page, COORDINATOR_USERNAME, COORDINATOR_PASSWORD)
    page.get_by_label(re.compile("code", re.I)).fill(current_code(COORDINATOR_TOTP_KEY))
    page.get_by_role("button", name="Continue").click()
    expect(page).not_to_have_url(re.compile(r"/login/|/2fa/"))
