"""axe-core at WCAG 2.2 AA with zero violations on every kind of public page, plus structure and phone layout."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.checks import axe_violations, horizontal_overflow, structure_problems

PAGES = {
    "home": "/",
    "search-empty": "/search/",
    "search-results": "/search/?q=strategy+meeting",
    "search-facets": "/search/?q=plan&stage=section-47&type=practice-guidance",
    "search-no-results": "/search/?q=zzqxv+nothingmatches",
    "search-too-long": "/search/?q=" + "strategy+" * 40,
    "tag": "/tags/strategy-meetings/",
    "search-borough": "/search/?q=Hackney",
    "stage": "/stages/initial-conference/",
    "type": "/types/sos-tool/",
    "boroughs": "/boroughs/",
    "borough": "/boroughs/camden/",
    "resources": "/resources/",
    "resources-unknown-filter-and-page": "/resources/?borough=atlantis&tag=camden-only&page=99",
    "resource": "/boroughs/camden/three-houses-a-practitioners-guide/",
    "accessibility-statement": "/accessibility-statement/",
    "privacy": "/privacy/",
    "cookies": "/cookies/",
    "contact": "/contact/",
    "how-to-publish": "/how-to-publish/",
    "not-found": "/no-such-page/",
    "events": "/events/",
    "events-past": "/events/?when=past",
    "event": "/events/signs-of-safety-learning-event-mapping/",
    "event-full": "/events/designated-teachers-core-groups/",
    "event-cancelled": "/events/review-conferences-workshop/",
    "event-past-with-notes": "/events/practice-day-harm-statements/",
}


@pytest.mark.parametrize("name", list(PAGES))
def test_page_has_no_wcag_22_aa_violations(page: Page, name: str):
    response = page.goto(PAGES[name])
    assert response is not None
    assert response.status == (404 if name == "not-found" else 200)
    count, report = axe_violations(page)
    assert count == 0, report
    assert structure_problems(page) == []


@pytest.mark.parametrize(
    "name", ["home", "search-facets", "resource", "borough", "accessibility-statement", "events", "event"]
)
@pytest.mark.parametrize("width", [375, 1280])
def test_layout_at_phone_and_desktop_widths(page: Page, artifacts, name: str, width: int):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(PAGES[name])
    page.screenshot(path=artifacts / f"{name}-{width}.png", full_page=True)
    assert horizontal_overflow(page) <= 0
    if width == 375:
        # Phones get the menu button instead of the full navigation (Frontend's JavaScript ran).
        expect(page.get_by_role("button", name="Menu")).to_be_visible()
    else:
        expect(page.get_by_role("link", name="Resources", exact=True)).to_be_visible()


def test_filters_fold_away_on_a_phone_and_still_work(page: Page):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/search/?q=plan")
    summary = page.locator(".app-filter-panel__summary")
    expect(summary).to_be_visible()
    expect(page.locator(".app-facets")).to_be_hidden()  # folded, so the results come first
    summary.click()
    expect(page.locator(".app-facets")).to_be_visible()
    page.get_by_role("group", name="Borough").get_by_label(re.compile(r"^Camden")).check()
    expect(page.get_by_role("link", name=re.compile(r"Borough: Camden"))).to_be_visible()


def test_filters_stay_open_on_a_desktop(page: Page):
    page.goto("/search/?q=plan")
    expect(page.locator(".app-filter-panel__summary")).to_be_hidden()
    expect(page.locator(".app-facets")).to_be_visible()
