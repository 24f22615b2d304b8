"""What a practitioner sees on a phone and on paper: downloads near the top, a Print button, and
a short tool that fits on two sheets of A4 with the site's real address on it."""

import io
import re

from playwright.sync_api import Page, expect
from pypdf import PdfReader

SOS_TOOL = "/boroughs/camden/three-houses-a-practitioners-guide/"


def test_print_button_on_a_tool_and_two_a4_pages_at_most(page: Page, live_site: str, artifacts):
    page.goto(SOS_TOOL)
    button = page.get_by_role("button", name=re.compile(r"^Print this"))
    expect(button).to_be_visible()  # shown by print.mjs (hidden without JavaScript)
    pdf = page.pdf(format="A4")
    (artifacts / "sos-tool-a4.pdf").write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    assert 1 <= len(reader.pages) <= 2, f"printed on {len(reader.pages)} A4 pages"
    text = "\n".join(sheet.extract_text() for sheet in reader.pages)
    # The printed footer names the address the page was read at, not the Site record's localhost.
    assert f"Printed from {live_site}{SOS_TOOL}" in " ".join(text.split())
    assert "Related resources" not in text
    assert "Print this" not in text
    assert "Skip to main content" not in text


def test_print_is_full_width_and_keeps_headings_with_what_follows(page: Page):
    page.goto(SOS_TOOL)
    page.emulate_media(media="print")
    column = page.locator(".app-resource .govuk-grid-column-two-thirds")
    main_width = page.locator("main").evaluate("el => el.getBoundingClientRect().width")
    assert column.evaluate("el => el.getBoundingClientRect().width") >= main_width - 1
    assert page.locator("main h2").first.evaluate("el => getComputedStyle(el).breakAfter") == "avoid"
    expect(page.get_by_role("heading", name="Related resources")).to_be_hidden()
    # Body text at 11pt (Frontend's print size is 14pt), topics as plain labels without addresses.
    assert page.locator(".app-prose p").first.evaluate("el => getComputedStyle(el).fontSize") == "14.6667px"
    topic = page.locator(".app-tag-link").first
    assert topic.evaluate("a => getComputedStyle(a, '::after').content") in ("none", '""', "normal")


def test_no_print_button_on_guidance(page: Page):
    page.goto("/search/?type=practice-guidance")
    page.locator(".app-resource-card__title a").first.click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator(".app-print-button")).to_be_hidden()


def test_downloads_are_above_the_fold_on_a_phone(page: Page):
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(SOS_TOOL)
    downloads = page.get_by_role("heading", name="Downloads")
    expect(downloads).to_be_in_viewport()
    first_file = page.locator(".app-downloads a[download]").first
    expect(first_file).to_be_in_viewport()
    expect(page.locator(".app-downloads")).to_contain_text(re.compile(r"PDF, \d+ KB"))


def _count(page: Page) -> str:
    return page.locator("#result-count").inner_text()


def test_each_filter_step_is_in_the_address_and_back_restores_it(page: Page):
    page.goto("/search/?q=plan")
    everything = _count(page)
    page.evaluate("window.__same_document = true")
    borough = page.get_by_role("group", name="Borough").get_by_label(re.compile(r"^Camden"))
    borough.check()
    expect(page).to_have_url(re.compile(r"\?q=plan&.*borough=camden$"))
    expect(page.locator("#result-count")).not_to_have_text(everything)
    camden_only = _count(page)
    page.get_by_role("group", name="Resource type").get_by_role("checkbox").first.check()
    expect(page).to_have_url(re.compile(r"borough=camden&type="))
    expect(page.locator("#result-count")).not_to_have_text(camden_only)

    page.go_back()
    expect(page).to_have_url(re.compile(r"\?q=plan&.*borough=camden$"))
    expect(page.locator("#result-count")).to_have_text(camden_only)
    expect(page.get_by_role("group", name="Borough").get_by_label(re.compile(r"^Camden"))).to_be_checked()
    expect(page.get_by_role("group", name="Resource type").get_by_role("checkbox", checked=True)).to_have_count(0)

    page.go_back()
    expect(page).to_have_url(re.compile(r"\?q=plan(&sort=relevance)?$"))
    expect(page.locator("#result-count")).to_have_text(everything)
    expect(page.get_by_role("group", name="Borough").get_by_label(re.compile(r"^Camden"))).not_to_be_checked()

    page.go_forward()
    expect(page).to_have_url(re.compile(r"\?q=plan&.*borough=camden$"))
    expect(page.get_by_role("group", name="Borough").get_by_label(re.compile(r"^Camden"))).to_be_checked()
    expect(page.locator("#result-count")).to_have_text(camden_only)
    assert page.evaluate("window.__same_document === true")  # all without a page load


def test_filters_with_no_results_left_are_not_offered(page: Page):
    page.goto("/search/?q=plan")
    page.get_by_role("group", name="Borough").get_by_label(re.compile(r"^Camden")).check()
    expect(page).to_have_url(re.compile(r"borough=camden"))
    expect(page.get_by_role("link", name=re.compile(r"Borough: Camden"))).to_be_visible()
    labels = page.locator("form.app-facets .govuk-checkboxes__label").all_inner_texts()
    assert labels
    assert not [label for label in labels if label.strip().endswith("(0)")]


def test_borough_type_and_stage_come_before_topics(page: Page):
    page.goto("/search/")
    legends = page.locator("form.app-facets legend").all_inner_texts()
    assert legends[:4] == ["Borough", "Resource type", "Child-protection stage", "Topic"]
    # The most used topics are shown; the rest fold away behind "N more topics".
    more = page.locator("details[data-facet='tag'] summary")
    expect(more).to_have_text(re.compile(r"^\d+ more topics$"))


def test_show_results_on_a_phone_jumps_back_to_them(page: Page):
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto("/search/?q=plan")
    page.locator(".app-filter-panel__summary").click()
    # Said once, by the summary: the heading is there for screen readers only (visually hidden).
    heading = page.get_by_role("heading", name="Filter results")
    assert heading.evaluate("el => el.getBoundingClientRect().width") <= 1
    page.get_by_role("group", name="Borough").get_by_label(re.compile(r"^Camden")).check()
    # Read the count once the answer for the tick has arrived (the form is busy until then).
    expect(page).to_have_url(re.compile(r"borough=camden"))
    expect(page.locator("form.app-facets")).not_to_have_attribute("aria-busy", "true")
    show = page.get_by_role("button", name=re.compile(r"^Show \d+ results?$"))
    expect(show).to_have_text(re.compile(rf"^Show {_count(page).split()[0]} results?$"))
    show.click()
    expect(page.locator("#result-count")).to_be_focused()
    expect(page.locator("#result-count")).to_be_in_viewport()
    expect(page.locator(".app-facets")).to_be_hidden()


def test_search_box_is_not_squeezed_on_a_phone(page: Page):
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto("/search/?q=plan")
    box = page.locator("#search-q").bounding_box()
    button = page.locator("form[role=search] button").bounding_box()
    assert box and button
    assert box["width"] >= 200
    assert abs(box["y"] - button["y"]) < 10  # side by side, the button its natural width


def test_show_results_is_not_offered_on_a_desktop(page: Page):
    page.goto("/search/?q=plan")
    expect(page.get_by_role("heading", name="Filter results")).to_be_visible()
    expect(page.locator(".app-show-results")).to_be_hidden()


def test_from_the_home_page_by_stage_on_a_phone(page: Page):
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto("/")
    page.get_by_role("link", name="Initial child protection conference", exact=True).click()
    expect(page).to_have_url(re.compile(r"/stages/initial-conference/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Initial child protection conference")
    assert int(_count(page).split()[0]) > 0


def test_searching_a_borough_offers_its_filter(page: Page):
    page.goto("/search/?q=Hackney")
    first = page.locator(".app-resource-card__meta").first
    expect(first).to_contain_text("Hackney")
    page.get_by_role("link", name="Show only resources from Hackney").click()
    expect(page).to_have_url(re.compile(r"borough=hackney"))
    expect(page.get_by_role("link", name=re.compile(r"Borough: Hackney"))).to_be_visible()
