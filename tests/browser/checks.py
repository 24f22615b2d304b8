"""What every page must pass in a real browser: axe at WCAG 2.2 AA, plus structure axe does not insist on."""

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
_axe = Axe()


def axe_violations(page: Page) -> tuple[int, str]:
    """(number of violations, readable report) for the page as it is now."""
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]})
    return results.violations_count, results.generate_report()


def structure_problems(page: Page) -> list[str]:
    """One h1, a lang attribute, banner/main/contentinfo landmarks, no positive tabindex."""
    problems = []
    if (count := page.locator("h1").count()) != 1:
        problems.append(f"{count} h1 elements")
    if not page.locator("html").get_attribute("lang"):
        problems.append("no lang attribute on <html>")
    for selector, name in (("body > header", "banner"), ("main", "main"), ("body > footer", "contentinfo")):
        if page.locator(selector).count() != 1:
            problems.append(f"no single {name} landmark ({selector})")
    positive = page.evaluate("[...document.querySelectorAll('[tabindex]')].filter(e => e.tabIndex > 0).length")
    if positive:
        problems.append(f"{positive} elements with a positive tabindex")
    return problems


def horizontal_overflow(page: Page) -> int:
    """How many pixels the page is wider than the viewport (0 means no sideways scrolling)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
