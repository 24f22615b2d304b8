"""An attendee books a place, gets the confirmation email, and cancels through the link in it.

The server writes its mail to files (TEST_EMAIL_FILE_PATH); the journey reads the booking link
from the confirmation email exactly as a person would, then follows it in the browser.
"""

import email
import re
from email import policy
from email.message import EmailMessage
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.checks import axe_violations, structure_problems

EVENT_TITLE = "Signs of Safety learning event: mapping with families"
ADDRESS = "browser-attendee@example.org"
BOOKING_LINK = re.compile(r"https?://[^\s/]+(/events/booking/[\w:.-]+/)")


def _messages(mail_dir: Path) -> list[EmailMessage]:
    """Every message the server has sent (Django's file backend separates them with a rule of dashes)."""
    found = []
    for path in sorted(mail_dir.iterdir()):
        for chunk in re.split(r"\n-{79}\n", path.read_text()):
            if chunk.strip():
                found.append(email.message_from_string(chunk.strip(), policy=policy.default))
    return found


def _text(message: EmailMessage) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def _assert_accessible(page: Page) -> None:
    count, report = axe_violations(page)
    assert count == 0, report
    assert structure_problems(page) == []


def test_attendee_books_then_cancels_through_the_emailed_link(page: Page, site_mail_dir: Path):
    page.goto("/events/")
    page.get_by_role("link", name=EVENT_TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(EVENT_TITLE)
    places = int(re.search(r"(\d+) places? left", page.get_by_text(re.compile(r"places? left")).inner_text()).group(1))

    # A mistake first: the error summary links to the field, and the page stays accessible.
    page.get_by_label("Full name").fill("Test Attendee")
    page.get_by_label("Work email address").fill("not-an-address")
    page.get_by_role("button", name="Book a place").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()  # Frontend moves focus to it so screen readers hear it
    _assert_accessible(page)
    summary.get_by_role("link", name=re.compile("email address", re.I)).click()
    expect(page.get_by_label("Work email address")).to_be_focused()

    page.get_by_label("Work email address").fill(ADDRESS)
    page.get_by_label("Borough or organisation").fill("Camden")
    page.get_by_label("Role").fill("Social worker")
    page.get_by_role("button", name="Book a place").click()
    # The page says the same whether or not the address had booked already: the link comes by email.
    expect(page.locator("#booking-sent-title")).to_have_text("Check your email")
    _assert_accessible(page)

    confirmations = [m for m in _messages(site_mail_dir) if m["To"] == ADDRESS]
    assert len(confirmations) == 1
    assert confirmations[0]["Subject"] == f"Booking confirmed: {EVENT_TITLE}"
    link = BOOKING_LINK.search(_text(confirmations[0]))
    assert link, _text(confirmations[0])

    # From the email: the link opens the booking (not a new one) and cancels it.
    page.goto(link.group(1))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Your booking: {EVENT_TITLE}")
    expect(page.locator(".govuk-summary-list")).to_contain_text(ADDRESS)
    page.get_by_role("button", name="Cancel booking").click()  # without ticking the box
    expect(page.locator(".govuk-error-summary")).to_contain_text("Tick the box")
    _assert_accessible(page)
    page.get_by_label("Yes, cancel my booking").check()
    page.get_by_role("button", name="Cancel booking").click()
    expect(page.get_by_text("Your booking is cancelled.")).to_be_visible()
    expect(page.locator(".govuk-summary-list")).to_contain_text("Cancelled")
    expect(page.get_by_role("button", name="Cancel booking")).to_have_count(0)
    _assert_accessible(page)

    cancellations = [m for m in _messages(site_mail_dir) if m["To"] == ADDRESS and "cancelled" in m["Subject"]]
    assert len(cancellations) == 1
    # The place went back: the event page counts it again.
    page.goto(page.get_by_role("link", name="Event page").get_attribute("href"))
    expect(page.get_by_text(f"{places} place{'s' if places != 1 else ''} left")).to_be_visible()
