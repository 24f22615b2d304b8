"""Query-parameter filters for the /resources/ listing: ?borough=…&type=…&tag=…

Unknown values are left out rather than rejected, and the page says which: links get edited and
shared, and a practitioner should still see a listing, not an error or an empty page that looks
like the network has nothing.
"""

from typing import Any

from django.http import QueryDict
from django.utils.functional import cached_property
from taggit.models import Tag

from resources.enums import ResourceType
from resources.models import BoroughPage, ResourcePage
from resources.querysets import ResourcePageQuerySet
from resources.vocabulary import read_filters

# How much of a value nobody recognised the page repeats back.
_SHOWN_CHARACTERS = 40


class ResourceListingFilter:
    def __init__(self, params: QueryDict, user: Any = None) -> None:
        self.user = user
        self.params = params
        # The search page's reader of the same parameters (resources.vocabulary).
        selected, self._dropped = read_filters(params, ["borough", "type", "tag"], user)
        self.types = selected["type"]
        self._borough_slugs = selected["borough"]
        self._tag_slugs = selected["tag"]

    @cached_property
    def boroughs(self) -> list[BoroughPage]:
        return list(BoroughPage.objects.filter(slug__in=self._borough_slugs).order_by("title"))

    @cached_property
    def tags(self) -> list[Tag]:
        return list(Tag.objects.filter(slug__in=self._tag_slugs).order_by("name"))

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
        left_out = []
        for name, value in self._dropped:
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
