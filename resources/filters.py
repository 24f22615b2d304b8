"""Query-parameter filters for the /resources/ listing: ?borough=…&type=…&tag=…

Unknown values are left out rather than rejected, and the page says which: links get edited and
shared, and a practitioner should still see a listing, not an error or an empty page that looks
like the network has nothing.
"""

from typing import Any

from django.http import QueryDict
from django.utils.functional import cached_property
from taggit.models import Tag

from core.querystring import slugs
from resources.enums import ResourceType
from resources.models import BoroughPage, ResourcePage
from resources.querysets import ResourcePageQuerySet
from resources.tags import readable_tags

# How much of a value nobody recognised the page repeats back.
_SHOWN_CHARACTERS = 40


class ResourceListingFilter:
    def __init__(self, params: QueryDict, user: Any = None) -> None:
        self.user = user
        self.params = params
        known_types = set(ResourceType.values)
        self.types = [t for t in dict.fromkeys(params.getlist("type")) if t in known_types]
        self._borough_slugs = slugs(params, "borough", 40)
        self._tag_slugs = slugs(params, "tag", 20)

    @cached_property
    def boroughs(self) -> list[BoroughPage]:
        return list(BoroughPage.objects.filter(slug__in=self._borough_slugs).order_by("title"))

    @cached_property
    def tags(self) -> list[Tag]:
        return list(readable_tags(self.user).filter(slug__in=self._tag_slugs).order_by("name"))

    @property
    def borough_slugs(self) -> list[str]:
        return [borough.slug for borough in self.boroughs]

    @property
    def tag_slugs(self) -> list[str]:
        return [tag.slug for tag in self.tags]

    def queryset(self) -> ResourcePageQuerySet:
        """Live resources the user may read matching every known filter (values of one filter OR-ed)."""
        resources = ResourcePage.objects.live().visible_to(self.user)
        if self.borough_slugs:
            resources = resources.in_boroughs(self.borough_slugs)
        if self.types:
            resources = resources.of_type(*self.types)
        if self.tag_slugs:
            resources = resources.tagged(*self.tag_slugs)
        return resources.newest().for_listing()

    def selected_boroughs(self) -> list[BoroughPage]:
        return self.boroughs

    def selected_tags(self) -> list[Tag]:
        return self.tags

    def type_labels(self) -> list[str]:
        return [ResourceType(t).label for t in self.types]

    @property
    def active(self) -> bool:
        return bool(self.types or self.boroughs or self.tags)

    def ignored(self) -> list[str]:
        """Each filter value left out, as the page names it: 'borough “atlantis”'."""
        known = {"borough": set(self.borough_slugs), "type": set(self.types), "tag": set(self.tag_slugs)}
        left_out = []
        for name, used in known.items():
            for value in dict.fromkeys(v.strip() for v in self.params.getlist(name)):
                if value and value not in used:
                    shown = value if len(value) <= _SHOWN_CHARACTERS else value[:_SHOWN_CHARACTERS] + "…"
                    left_out.append(f"{name} “{shown}”")
        return left_out

    def ignored_phrase(self) -> str:
        """The values left out as one phrase: 'borough “atlantis” and tag “zzz”'."""
        left_out = self.ignored()
        return " and ".join([", ".join(left_out[:-1]), left_out[-1]] if len(left_out) > 1 else left_out)

    def query_string(self) -> str:
        """The known filters only, in a fixed order: the listing's canonical address for them."""
        query = QueryDict(mutable=True)
        query.setlist("borough", self.borough_slugs)
        query.setlist("type", self.types)
        query.setlist("tag", self.tag_slugs)
        return query.urlencode()
