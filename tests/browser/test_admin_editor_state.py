"""What the page editor tells a lead about saving must be true: a new form says nothing about
autosave until it can be saved, and the Content tab's error badge follows the form as it is fixed
(static/js/admin-editor.js)."""

import re

from playwright.sync_api import Page, expect

from tests.browser.admin import sign_in_as_lead
from tests.browser.seed import EDITOR_LEAD_USERNAME, LEAD_BADGE_TOTP_KEY, LEAD_NEW_FORM_TOTP_KEY

# A synthetic NHS number from the 999 test range (valid check digit), as in tests/resources.
NHS_NUMBER = "999 012 6704"


def _open_new_resource_form(page: Page) -> None:
    page.goto("/admin/")
    page.get_by_role("link", name="Add a resource for Camden").click()
    expect(page).to_have_url(re.compile(r"/admin/pages/add/resources/resourcepage/\d+/"))
    page.wait_for_load_state("networkidle")
    # Wagtail takes its "unchanged" snapshot of the form 2 s after the editor starts.
    page.wait_for_timeout(2500)


def test_a_new_form_says_nothing_about_autosave_until_it_has_a_title_then_saves(page: Page, artifacts):
    sign_in_as_lead(page, totp_key=LEAD_NEW_FORM_TOTP_KEY, username=EDITOR_LEAD_USERNAME)
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


def test_the_content_tab_badge_follows_the_form_as_it_is_fixed(page: Page, artifacts):
    sign_in_as_lead(page, totp_key=LEAD_BADGE_TOTP_KEY, username=EDITOR_LEAD_USERNAME)
    _open_new_resource_form(page)
    badge = page.locator("#tab-label-content .w-tabs__errors")
    guard = page.locator("[data-guard-panel-url]")

    with page.expect_response(lambda r: r.request.method == "POST" and "/pages/add/" in r.url):
        page.locator("#id_title").fill("Core group minutes: badge check")
    # Typed while that first save is still on its way (and then saved too: admin-editor.js).
    page.locator("#id_summary").fill(f"Minutes template. NHS number {NHS_NUMBER} belongs to no one.")
    # The autosave is read by the personal-data check: the panel says so without a reload.
    expect(guard).to_contain_text("Must remove")
    expect(badge).to_have_text(re.compile(r"^\s*1\b"))

    # Submitting is refused: the number, and a type is missing.
    page.get_by_role("button", name=re.compile("Submit to")).click()
    expect(page.get_by_text(re.compile("could not be saved|cannot be submitted"))).not_to_have_count(0)
    expect(badge).to_have_text(re.compile(r"^\s*2\b"))
    page.screenshot(path=artifacts / "admin-badge-refused.png")

    # Choosing a type answers its error at once (and is autosaved).
    with page.expect_response(lambda r: r.request.method == "POST" and "/edit/" in r.url):
        page.locator("#id_resource_type").select_option(label="Template or form")
    expect(badge).to_have_text(re.compile(r"^\s*1\b"))

    # Taking the number out is autosaved (after a refused save too), and the check clears.
    with page.expect_response(lambda r: r.request.method == "POST" and "/edit/" in r.url) as saved:
        page.locator("#id_summary").fill("Minutes template for core group meetings.")
    assert saved.value.json()["success"] is True
    expect(guard).to_contain_text("No personal data found")
    expect(badge).to_be_hidden()
    page.screenshot(path=artifacts / "admin-badge-cleared.png")

    # And the fix really was saved: a fresh editor shows it, with no badge.
    page.goto(page.url)  # not reload(): the refused submission's page would be posted again
    expect(page.locator("#id_summary")).to_have_value("Minutes template for core group meetings.")
    expect(badge).to_be_hidden()
