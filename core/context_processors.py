"""What every public page's header and footer need: the service navigation, with the current section marked."""

from typing import Any

from django.http import HttpRequest

# (label, address, other address prefixes that belong to the same section). New sections (events)
# add a line here; the header and the tests read this list.
NAVIGATION: list[tuple[str, str, tuple[str, ...]]] = [
    # Resources are browsed in the search (every filter, newest first); the old /resources/
    # listing still answers at its address for links people kept.
    ("Resources", "/search/", ("/tags/", "/stages/", "/types/", "/resources/")),
    ("Boroughs", "/boroughs/", ()),
    ("Events", "/events/", ()),
    ("How to publish", "/how-to-publish/", ()),
]

FOOTER_LINKS: list[tuple[str, str]] = [
    ("Accessibility statement", "/accessibility-statement/"),
    ("Privacy notice", "/privacy/"),
    ("Cookies", "/cookies/"),
    ("Contact", "/contact/"),
    ("How to publish", "/how-to-publish/"),
]


def service_navigation(request: HttpRequest) -> dict[str, Any]:
    """Navigation items marked current (this page) or active (inside this section).

    GOV.UK's service navigation marks the first with aria-current="page", the second with "true".
    """
    path = request.path
    items = []
    for label, href, also in NAVIGATION:
        inside = path.startswith(href) or any(path.startswith(prefix) for prefix in also)
        items.append({"label": label, "href": href, "current": path == href, "active": inside})
    return {"service_navigation": items, "footer_links": FOOTER_LINKS}
