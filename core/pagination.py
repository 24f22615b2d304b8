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
    if not asked or (asked.isdigit() and int(asked) == page_obj.number):
        return ""
    last = page_obj.paginator.num_pages
    if not asked.isdigit():
        shown = asked if len(asked) <= 10 else asked[:10] + "…"
        return f"“{shown}” is not a page number, so this is page 1 of {last}."
    if int(asked) == 0:
        return f"Pages start at 1, so this is page 1 of {last}."
    pages = "is 1 page" if last == 1 else f"are {last} pages"
    return f"There is no page {int(asked)}: there {pages}, and this is the last."
