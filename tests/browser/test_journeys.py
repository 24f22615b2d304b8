"""The journeys people make, asserting what they see: with a mouse, with only a keyboard, and in print."""

import re

from playwright.sync_api import Page, expect

RESOURCE_TITLE = "Three houses: a practitioner's guide"


def test_practitioner_searches_narrows_opens_and_downloads(page: Page):
    page.goto("/")
    page.get_by_label("Search practice resources").fill("S47")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/search/\?q=S47"))
    everything = int(page.locator("#result-count").inner_text().split()[0])
    assert everything > 2

    page.get_by_role("group", name="Borough").get_by_label(re.compile(r"^Camden")).check()
    page.get_by_role("group", name="Child-protection stage").get_by_label(re.compile(r"^Section 47 enquiry")).check()
    page.get_by_role("button", name="Apply filters").click()

    expect(page.get_by_role("link", name=re.compile(r"Borough: Camden"))).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(r"Section 47 enquiry"))).to_be_visible()
    narrowed = int(page.locator("#result-count").inner_text().split()[0])
    assert 0 < narrowed < everything

    page.get_by_role("link", name=RESOURCE_TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(RESOURCE_TITLE)
    expect(page.locator(".govuk-summary-list")).to_contain_text("Camden")
    download_link = page.get_by_role("link", name=re.compile(r"Three houses")).filter(has_text="guide").last
    expect(page.get_by_text(re.compile(r"\(PDF, \d+ KB, \d+ pages?\)"))).to_be_visible()
    with page.expect_download() as info:
        download_link.click()
    download = info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as file:
        assert file.read(5) == b"%PDF-"


def _focus_is_visible(page: Page) -> bool:
    """GOV.UK focus: a yellow background or outline, or a box shadow, on the focused element.

    GOV.UK checkboxes hide the real input and draw the focus ring on the label's box, so for
    those the label's ::before is what must show it.
    """
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el || el === document.body) return false;
            if ((el.type === 'checkbox' || el.type === 'radio') && el.labels && el.labels.length) {
                return getComputedStyle(el.labels[0], '::before').boxShadow !== 'none';
            }
            const s = getComputedStyle(el);
            const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
            return outline || s.boxShadow !== 'none' || s.backgroundColor === 'rgb(255, 221, 0)';
        }"""
    )


def _tab_to(page: Page, matcher: str, limit: int = 150) -> None:
    """Press Tab until the focused element's accessible text matches, checking focus is visible at every stop."""
    pattern = re.compile(matcher)
    for _ in range(limit):
        page.keyboard.press("Tab")
        text = page.evaluate(
            """() => {
                const el = document.activeElement;
                const label = el.labels && el.labels.length ? el.labels[0].innerText : '';
                return (label || el.innerText || el.value || el.getAttribute('aria-label') || '').trim();
            }"""
        )
        assert _focus_is_visible(page), f"focus is not visible on {text!r}"
        if pattern.search(text):
            return
    raise AssertionError(f"never reached {matcher!r} with Tab")


def test_keyboard_only_journey(page: Page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()  # hidden until focused, then shown
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"

    _tab_to(page, r"^$|Search practice resources")  # the search box is the first stop inside main
    expect(page.get_by_label("Search practice resources")).to_be_focused()
    page.keyboard.type("S47")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=S47"))

    _tab_to(page, r"^Camden")
    page.keyboard.press("Space")
    _tab_to(page, r"^Section 47 enquiry")
    page.keyboard.press("Space")
    _tab_to(page, r"^Apply filters$")
    page.keyboard.press("Enter")
    expect(page.get_by_role("link", name=re.compile(r"Borough: Camden"))).to_be_visible()

    _tab_to(page, re.escape(RESOURCE_TITLE))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(RESOURCE_TITLE)

    _tab_to(page, r"^Three houses.*guide")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert info.value.suggested_filename.endswith(".pdf")


def test_resource_prints_cleanly_on_a4(page: Page, artifacts):
    page.goto("/boroughs/camden/three-houses-a-practitioners-guide/")
    page.emulate_media(media="print")
    for hidden in (".govuk-service-navigation", ".govuk-footer", ".govuk-breadcrumbs", ".govuk-skip-link"):
        expect(page.locator(hidden).first).to_be_hidden()
    # Kept on paper: the topics and the review date.
    expect(page.locator(".app-tag-list").first).to_be_visible()
    expect(page.get_by_text("Review due")).to_be_visible()
    expect(page.get_by_text(re.compile(r"^Printed from http"))).to_be_visible()
    # Each link's full address (site included) is written after it.
    after = page.locator("main .govuk-summary-list a").first.evaluate("a => getComputedStyle(a, '::after').content")
    assert re.search(r"http://127\.0\.0\.1:\d+/boroughs/camden/", after), after
    mailto = page.locator("main a[href^='mailto:']").first.evaluate("a => getComputedStyle(a, '::after').content")
    assert mailto in ("none", '""', "normal")  # an email address is already its own address
    # No forced page breaks: a tool (this guide has "how to use" steps) follows on where it falls.
    tools = page.locator(".app-tool")
    assert tools.count() >= 1
    assert tools.first.evaluate("el => getComputedStyle(el).breakBefore") != "page"
    page.screenshot(path=artifacts / "resource-print.png", full_page=True)
    page.pdf(path=artifacts / "resource-print-a4.pdf", format="A4")


def test_ticking_a_filter_updates_and_announces_the_count_without_a_reload(page: Page):
    page.goto("/search/?q=S47")
    count = page.locator("#result-count")
    expect(count).to_have_attribute("aria-live", "polite")
    before = count.inner_text()
    stage_counts = page.get_by_role("group", name="Child-protection stage").inner_text()
    page.evaluate("window.__same_document = true")
    form = page.locator("form.app-facets").element_handle()
    page.get_by_role("group", name="Borough").get_by_label(re.compile(r"^Camden")).check()
    expect(count).not_to_have_text(before)
    expect(page).to_have_url(re.compile(r"borough=camden"))
    expect(page.get_by_role("link", name=re.compile(r"Borough: Camden"))).to_be_visible()
    assert page.evaluate("window.__same_document === true")  # no page load: the live region announced it
    expect(page.get_by_role("group", name="Borough").get_by_label(re.compile(r"^Camden"))).to_be_focused()
    # The form was kept (a keyboard user keeps their place); only its numbers changed.
    assert form.evaluate("f => f.isConnected")
    assert page.get_by_role("group", name="Child-protection stage").inner_text() != stage_counts
