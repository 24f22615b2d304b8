"""/resources/: every published resource, newest first, filterable by query parameters."""

from typing import Any

from django.http import HttpRequest
from wagtail.models import Page

from core.pagination import paginate
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
        context["page_obj"] = paginate(request, listing.queryset())
        context["resource_types"] = ResourceType.choices
        return context
