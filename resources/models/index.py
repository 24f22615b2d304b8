"""/resources/: every published resource, newest first, filterable by query parameters."""

from typing import Any

from django.http import HttpRequest
from wagtail.models import Page

from core.pagination import page_notice, paginate
from core.routing import RoutedPageMixin
from resources.enums import ResourceType


class ResourceIndexPage(RoutedPageMixin, Page):
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = "resource listing"

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        # Imported when the listing is served: the filters use the resource models.
        from resources.filters import ResourceListingFilter

        context = super().get_context(request, *args, **kwargs)
        listing = ResourceListingFilter(request.GET, request.user)
        context["filters"] = listing
        page_obj = paginate(request, listing.queryset())
        context["page_obj"] = page_obj
        context["page_notice"] = page_notice(request, page_obj)
        # One address per listing for search engines and shared links: known filters, page if not 1.
        query = listing.query_string()
        if page_obj.number > 1:
            query = f"{query}&page={page_obj.number}" if query else f"page={page_obj.number}"
        context["canonical_url"] = self.full_url + (f"?{query}" if query else "")
        context["resource_types"] = ResourceType.choices
        return context
