"""What the page editor tells a lead about saving must be true: a new form says nothing about
autosave until it can be saved (static/js/admin-editor.js)."""

import re

from playwright.sync_api import Page, expect

from tests.browser.admin import sign_in_as_lead
from tests.browser.seed import LEAD_NEW_FORM_TOTP_KEY


def _open_new_resource_form(page: Page) -> None:
    page.goto("/admin/")
    page.get_by_role("link", name="Add a resource for Camden").click()
    expect(page).to_have_url(re.compile(r"/admin/pages/add/resources/resourcepage/\d+/"))
    page.wait_for_load_state("networkidle")
    # Wagtail takes its "unchanged" snapshot of the form 2 s after the editor starts.
    page.wait_for_timeout(2500)


def test_a_new_form_says_nothing_about_autosave_until_it_has_a_title_then_saves(page: Page, artifacts):
    sign_in_as_lead(page, totp_key=LEAD_NEW_FORM_TOTP_KEY)
    _open_new_resource_form(page)
    posts: list[str] = []
    page.on("request", lambda r: r.method == "POST" and "/pages/" in r.url and posts.append(r.url))

    # Leads often start with the type and the summary: nothing can be saved without a title yet.
    page.locator("#id_resource_type").select_option(label="Practice guidance")
    page.locator("#id_summary").fill("How to plan a strategy discussion with every agency present.")
    page.wait_for_timeout(2500)  # five autosave intervals
    assert posts == []
    expect(page.get_by_text("Autosave is paused")).to_be_hidden()
    expect(page.get_by_text(re.compile("validation errors"))).to_be_hidden()
    page.screenshot(path=artifacts / "admin-new-form-before-title.png")

    # With a title, the next change is saved as a draft: the page now exists and is edited in place.
    with page.expect_response(lambda r: r.request.method == "POST" and "/pages/add/" in r.url) as saved:
        page.locator("#id_title").fill("Strategy discussions: planning checklist")
    assert saved.value.ok, saved.value.text()
    assert saved.value.json()["success"] is True
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    expect(page.locator("#w-autosave-indicator")).to_have_attribute("data-w-autosave-state-value", "saved")
    expect(page.get_by_text("Autosave is paused")).to_be_hidden()
