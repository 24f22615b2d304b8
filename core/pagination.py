"""One paginator for every public listing, so bad page numbers behave the same everywhere."""

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest


def paginate(request: HttpRequest, items: QuerySet, per_page: int | None = None) -> Page:
    """Return the requested page; a malformed number gives page 1 and one past the end the last page.

    People edit URLs and follow old links, so neither is an error worth a 404.
    """
    paginator = Paginator(items, per_page or settings.RESOURCES_PER_PAGE)
    return paginator.get_page(request.GET.get("page"))


def page_notice(request: HttpRequest, page_obj: Page) -> str:
    """What to tell a reader whose page number was not the page shown ('' when it was)."""
    asked = (request.GET.get("page") or "").strip()
    # Only plain digits, and not so many that reading them costs anything (int() refuses 4,300+).
    number = int(asked) if asked.isascii() and asked.isdigit() and len(asked) <= 9 else None
    if not asked or number == page_obj.number:
        return ""
    last = page_obj.paginator.num_pages
    if number is None and not (asked.isascii() and asked.isdigit()):
        shown = asked if len(asked) <= 10 else asked[:10] + "…"
        return f"“{shown}” is not a page number, so this is page 1 of {last}."
    if number == 0:
        return f"Pages start at 1, so this is page 1 of {last}."
    pages = "is 1 page" if last == 1 else f"are {last} pages"
    asked_page = number if number is not None else asked[:10] + "…"
    return f"There is no page {asked_page}: there {pages}, and this is the last."
