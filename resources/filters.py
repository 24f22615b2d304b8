"""Query-parameter filters for the /resources/ listing: ?borough=…&type=…&tag=…

Unknown values are ignored rather than rejected: links get edited and shared, and a
practitioner should still see a listing, not an error.
"""

from typing import Any

from django.http import QueryDict
from taggit.models import Tag

from core.querystring import slugs
from resources.enums import ResourceType
from resources.models import BoroughPage, ResourcePage
from resources.querysets import ResourcePageQuerySet
from resources.tags import readable_tags


class ResourceListingFilter:
    def __init__(self, params: QueryDict, user: Any = None) -> None:
        self.user = user
        known_types = set(ResourceType.values)
        self.types = [t for t in params.getlist("type") if t in known_types]
        self.borough_slugs = slugs(params, "borough", 40)
        self.tag_slugs = slugs(params, "tag", 20)

    def queryset(self) -> ResourcePageQuerySet:
        """Live, public resources matching every filter given (values of one filter OR-ed)."""
        resources = ResourcePage.objects.live().visible_to(self.user)
        if self.borough_slugs:
            resources = resources.in_boroughs(self.borough_slugs)
        if self.types:
            resources = resources.of_type(*self.types)
        if self.tag_slugs:
            resources = resources.tagged(*self.tag_slugs)
        return resources.newest().for_listing()

    def selected_boroughs(self) -> list[BoroughPage]:
        return list(BoroughPage.objects.filter(slug__in=self.borough_slugs).order_by("title"))

    def selected_tags(self) -> list[Tag]:
        return list(readable_tags(self.user).filter(slug__in=self.tag_slugs).order_by("name"))

    def type_labels(self) -> list[str]:
        return [ResourceType(t).label for t in self.types]

    @property
    def active(self) -> bool:
        return bool(self.types or self.borough_slugs or self.tag_slugs)
