"""The search page. All searching goes through search.services.search_resources."""

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from resources.pagination import paginate
from search.services import MAX_QUERY_LENGTH, search_resources


def search(request: HttpRequest) -> HttpResponse:
    raw_query = request.GET.get("q", "")
    outcome = search_resources(raw_query)
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "query": outcome.query,
            "truncated": outcome.truncated,
            "max_query_length": MAX_QUERY_LENGTH,
            "page_obj": paginate(request, outcome.results),
        },
    )
