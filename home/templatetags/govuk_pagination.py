"""The page numbers GOV.UK pagination shows: first, last, and the current page with its neighbours."""

from collections.abc import Iterator

from django import template
from django.core.paginator import Page, Paginator

register = template.Library()


@register.filter
def page_items(page: Page) -> Iterator[int | None]:
    """Page numbers to link, None where an ellipsis stands for the pages between. Paginator works
    this out without visiting every page number: the 10,000-resource listing has 500 pages, and
    a template loop over all of them cost 10 ms per page view."""
    for number in page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1):
        yield None if number == Paginator.ELLIPSIS else number
