"""A borough lead publishes in the Wagtail admin: sign in, create a resource with a tag and an attachment, submit."""

import re

from playwright.sync_api import Page, expect

from tests.browser.admin import sign_in_as_lead

TITLE = "Browser journey: core group agenda"
# A one-page PDF made here, with no content about anyone.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def test_borough_lead_creates_a_tagged_resource_with_an_attachment_and_submits_it(page: Page, artifacts):
    sign_in_as_lead(page)

    page.goto("/admin/pages/")
    # A lead may add events as well as Camden's resources, so the explorer starts at the home
    # page and shows only the way to what the lead can edit.
    page.get_by_role("link", name="Explore child pages of 'Boroughs and publishers'").click()
    page.get_by_role("link", name="Explore child pages of 'Camden'").click()
    expect(page.get_by_role("heading", name=re.compile("Camden"))).to_be_visible()
    page.get_by_role("link", name=re.compile("Add child page", re.I)).first.click()
    expect(page).to_have_url(re.compile(r"/admin/pages/add/resources/resourcepage/\d+/"))

    page.locator("#id_title").fill(TITLE)
    page.locator("#id_summary").fill("An agenda for the first core group meeting after the initial conference.")
    page.locator("#id_resource_type").select_option(label="Template or form")
    tag_input = page.locator(".tagit-new input").first  # Wagtail's tag widget (jQuery tag-it)
    tag_input.click()
    page.keyboard.type("core groups")
    page.keyboard.press("Enter")
    page.get_by_label("Core group").check()

    page.get_by_role("button", name="Add Attachments").click()
    page.get_by_role("button", name="Choose a document").click()
    modal = page.locator(".modal")
    modal.get_by_role("tab", name="Upload").click()
    modal.locator('input[type="file"]').set_input_files(
        files=[{"name": "core-group-agenda.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    modal.locator("#id_document-chooser-upload-title").fill("Core group agenda (browser test)")
    modal.get_by_role("button", name="Upload").click()
    expect(page.get_by_text("Core group agenda (browser test)")).to_be_visible()

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=re.compile("Submit to")).click()
    expect(page.get_by_text(f"Page '{TITLE}' created and submitted for moderation.")).to_be_visible()
    page.screenshot(path=artifacts / "admin-submitted.png", full_page=True)

    # What was submitted kept its tag and its attachment.
    page.get_by_role("link", name="Edit").first.click()
    expect(page.locator("#id_tags")).to_have_value(re.compile("core groups"))
    expect(page.get_by_text("Core group agenda (browser test)")).to_be_visible()

    # Submitted, not published: the public site does not show it yet.
    response = page.goto("/search/?q=browser+journey+core+group+agenda")
    assert response is not None and response.ok
    expect(page.get_by_role("link", name=TITLE)).to_have_count(0)
