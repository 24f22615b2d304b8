"""Query-parameter filters for /events/: ?format=…&audience=…&host=…&tag=…&when=past&year=…

Unknown values are ignored rather than rejected: links get edited and shared, and a
reader should still see a listing, not an error.
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import Count
from django.http import QueryDict
from django.utils import timezone
from taggit.models import Tag

from events.enums import EventFormat
from events.models import EventPage, EventPageTag
from events.querysets import EventPageQuerySet
from exchange.querystring import slugs
from resources.models import Audience, BoroughPage


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    selected: bool


class EventListingFilter:
    def __init__(self, params: QueryDict) -> None:
        self.formats = [f for f in params.getlist("format") if f in EventFormat.values]
        self.audiences = slugs(params, "audience", 10)
        self.hosts = slugs(params, "host", 40)
        self.tags = slugs(params, "tag", 20)
        self.past = params.get("when") == "past"
        year = params.get("year", "")
        self.year = int(year) if year.isdigit() and 2000 <= int(year) <= 2100 else None

    def base(self) -> EventPageQuerySet:
        return EventPage.objects.live().public()

    def queryset(self) -> EventPageQuerySet:
        """Live, public events matching every filter given: upcoming soonest first, or the past archive."""
        now = timezone.now()
        events = self.base()
        if self.formats:
            events = events.of_format(*self.formats)
        if self.audiences:
            events = events.for_audiences(*self.audiences)
        if self.hosts:
            events = events.hosted_by(*self.hosts)
        if self.tags:
            events = events.tagged(*self.tags)
        if self.past:
            events = events.past(now)
            if self.year:
                events = events.in_year(self.year)
        else:
            events = events.upcoming(now)
        return events.with_place_counts().for_listing()

    @property
    def active(self) -> bool:
        return bool(self.formats or self.audiences or self.hosts or self.tags)

    def options(self) -> dict[str, Any]:
        """Choices for the filter form, each marked selected or not, and the archive's years."""
        live = self.base()
        host_ids = live.values("host")
        tag_ids = EventPageTag.objects.filter(content_object__live=True).values("tag")
        years = [d.year for d in live.past().datetimes("start", "year", order="DESC")]
        formats = [Option(v, label, v in self.formats) for v, label in EventFormat.choices]
        audiences = [Option(a.slug, a.name, a.slug in self.audiences) for a in Audience.objects.all()]
        return {
            "formats": formats,
            "audiences": audiences,
            # (parameter, legend, options): the template draws each as one GOV.UK checkbox group.
            "checkbox_groups": [("format", "Format", formats), ("audience", "Audience", audiences)],
            "hosts": [
                Option(b.slug, b.title, b.slug in self.hosts)
                for b in BoroughPage.objects.filter(pk__in=host_ids).order_by("title")
            ],
            "tags": [
                Option(t.slug, t.name, t.slug in self.tags)
                for t in Tag.objects.filter(pk__in=tag_ids).annotate(n=Count("pk")).order_by("name")
            ],
            "years": years,
        }
