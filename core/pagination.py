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
