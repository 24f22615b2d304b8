"""Editors never lose work: Wagtail's autosave keeps a draft revision as the lead types, and a
session that ends mid-edit (idle timeout, or signed out elsewhere) loses nothing already typed."""

import re

from playwright.sync_api import Page, expect

from tests.browser.admin import sign_in_as_lead
from tests.browser.seed import LEAD_AUTOSAVE_TOTP_KEY, LEAD_SECOND_TOTP_KEY

RESOURCE = "Children's participation in child protection conferences: research summary"
DRAFT = "Draft kept by autosave: a shorter summary for conference chairs."


def test_autosave_keeps_the_draft_when_the_session_ends(page: Page):
    sign_in_as_lead(page, totp_key=LEAD_AUTOSAVE_TOTP_KEY)
    page.goto("/admin/pages/")
    page.get_by_role("link", name="Explore child pages of 'Boroughs and publishers'").click()
    page.get_by_role("link", name="Explore child pages of 'Camden'").click()
    page.get_by_role("link", name=RESOURCE, exact=True).first.click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    edit_url = page.url
    page.wait_for_load_state("networkidle")  # the editor's scripts have started
    # Wagtail takes its "unchanged" snapshot of the form 2 s after the editor starts; what is
    # typed before that counts as the starting point, so wait for it like a person would.
    page.wait_for_timeout(2500)

    # Typing is enough: no button pressed. Wagtail posts the form in the background.
    with page.expect_response(lambda r: r.request.method == "POST" and "/edit/" in r.url) as saved:
        page.locator("#id_summary").fill(DRAFT)
    assert saved.value.ok, saved.value.status
    assert saved.value.json()["success"] is True

    # The session ends (expired while the lead was away): the next request is a fresh sign-in.
    page.context.clear_cookies()
    page.goto(edit_url)
    expect(page).to_have_url(re.compile(r"/admin/login/"))

    sign_in_as_lead(page, totp_key=LEAD_SECOND_TOTP_KEY)  # a code is good once: see tests/browser/seed.py
    page.goto(edit_url)
    expect(page.locator("#id_summary")).to_have_value(DRAFT)

    # A draft, not a publication: the public page still shows the published summary.
    page.goto("/boroughs/camden/")
    page.get_by_role("link", name=RESOURCE).click()
    expect(page.get_by_text(DRAFT)).to_have_count(0)
