"""What a lead sees in the editor: the dashboard's "Add a resource" button and a live preview that
renders (it was blank: the preview carried the public pages' frame-ancestors 'none')."""

import re

from playwright.sync_api import Page, expect

from tests.browser.admin import sign_in_as_lead
from tests.browser.seed import LEAD_PREVIEW_TOTP_KEY


def test_a_lead_adds_a_resource_from_the_dashboard_and_sees_it_in_the_preview_panel(page: Page, artifacts):
    sign_in_as_lead(page, totp_key=LEAD_PREVIEW_TOTP_KEY)  # its own device: a code is good once
    page.goto("/admin/")
    page.get_by_role("link", name="Add a resource for Camden").click()
    expect(page).to_have_url(re.compile(r"/admin/pages/add/resources/resourcepage/\d+/"))

    page.locator("#id_title").fill("Preview check: strategy discussion record")
    page.locator("#id_summary").fill("A record template for multi-agency strategy discussions.")
    page.locator("#id_resource_type").select_option(label="Template or form")

    page.get_by_role("button", name="Toggle preview").click()
    # Wagtail loads each preview in a second frame and swaps it in: the settled one has the id.
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", name="Preview check: strategy discussion record")).to_be_visible(
        timeout=15_000
    )
    page.screenshot(path=artifacts / "admin-preview-panel.png")
