"""From submission to search, as the three people see it: a borough lead creates a resource,
previews it and submits it; a coordinator approves it from their dashboard; a practitioner finds
it in search with a filter. (The lead's attachment journey and the practitioner's download
journey are in test_admin_journey.py and test_journeys.py.)"""

import re

from playwright.sync_api import Browser, expect

from tests.browser.admin import sign_in_as_coordinator, sign_in_as_lead
from tests.browser.seed import LEAD_REVIEW_TOTP_KEY, REVIEW_LEAD_USERNAME

TITLE = "Review conference chairing checklist"
SUMMARY = "A checklist for chairs of review child protection conferences: before, during and after."


def test_a_submission_is_approved_by_a_coordinator_and_found_in_search(
    browser: Browser, browser_context_args: dict, artifacts
):
    # Three people, three browsers: nobody's session carries over to the next.
    lead = browser.new_context(**browser_context_args).new_page()
    sign_in_as_lead(lead, totp_key=LEAD_REVIEW_TOTP_KEY, username=REVIEW_LEAD_USERNAME)
    lead.get_by_role("link", name="Add a resource for Camden").click()
    lead.locator("#id_title").fill(TITLE)
    lead.locator("#id_summary").fill(SUMMARY)
    lead.locator("#id_resource_type").select_option(label="Template or form")
    lead.get_by_label("Review conference", exact=True).check()
    lead.get_by_role("button", name="Toggle preview").click()
    preview = lead.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", name=TITLE)).to_be_visible(timeout=15_000)
    expect(preview.get_by_text(SUMMARY)).to_be_visible()
    # Submitting is the lead's main button (coordinators publish).
    lead.get_by_role("button", name=re.compile("^Submit to Cross-borough review")).click()
    expect(lead.get_by_text(f"Page '{TITLE}' created and submitted for moderation.")).to_be_visible()
    lead.context.close()

    # Not yet public.
    reader = browser.new_context(**browser_context_args).new_page()
    reader.goto("/search/?q=review+conference+chairing+checklist")
    expect(reader.get_by_role("link", name=TITLE)).to_have_count(0)

    coordinator = browser.new_context(**browser_context_args).new_page()
    sign_in_as_coordinator(coordinator)
    expect(coordinator.get_by_text("Awaiting your review")).to_be_visible()
    coordinator.get_by_role("link", name=TITLE).first.click()
    expect(coordinator).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    expect(coordinator.locator("#id_summary")).to_have_value(SUMMARY)
    coordinator.get_by_role("button", name="More actions").click()
    coordinator.get_by_role("button", name="Approve and Publish", exact=True).click()
    expect(coordinator.get_by_text(f"'{TITLE}' has been approved and published.")).to_be_visible()
    coordinator.screenshot(path=artifacts / "coordinator-approved.png")
    coordinator.context.close()

    # A practitioner searches in their own words and narrows by stage: the resource is there.
    reader.goto("/")
    reader.get_by_label("Search practice resources").fill("chairing checklist")
    reader.get_by_role("button", name="Search").click()
    reader.get_by_role("group", name="Child-protection stage").get_by_label(re.compile(r"^Review conference")).check()
    reader.get_by_role("button", name="Apply filters").click()
    expect(reader).to_have_url(re.compile(r"stage=review"))
    reader.get_by_role("link", name=TITLE).click()
    expect(reader.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(reader.locator(".govuk-summary-list")).to_contain_text("Camden")
    reader.context.close()
