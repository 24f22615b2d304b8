"""Query-parameter filters for /events/: ?format=…&audience=…&host=…&tag=…&when=past&year=…

Unknown values are ignored rather than rejected: links get edited and shared, and a
reader should still see a listing, not an error.
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import CharField, F, IntegerField, Value
from django.db.models.functions import Cast, ExtractYear
from django.http import QueryDict
from django.utils import timezone
from taggit.models import Tag

from core.querystring import slugs
from events.enums import EventFormat
from events.models import EventPage, EventPageTag
from events.querysets import EventPageQuerySet
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
        """Choices for the filter form, each marked selected or not, and the archive's years.

        Audiences, hosts, tags and years come back in one query (a UNION of four small
        selects, ordered by the database as four queries would be), not four round trips.
        """
        live = self.base()
        rows: dict[str, list[tuple[str, str]]] = {"audience": [], "host": [], "tag": [], "year": []}
        for kind, value, label, _order in _option_rows(live):
            rows[kind].append((value, label))
        formats = [Option(v, label, v in self.formats) for v, label in EventFormat.choices]
        audiences = [Option(v, label, v in self.audiences) for v, label in rows["audience"]]
        return {
            "formats": formats,
            "audiences": audiences,
            # (parameter, legend, options): the template draws each as one GOV.UK checkbox group.
            "checkbox_groups": [("format", "Format", formats), ("audience", "Audience", audiences)],
            "hosts": [Option(v, label, v in self.hosts) for v, label in rows["host"]],
            "tags": [Option(v, label, v in self.tags) for v, label in rows["tag"]],
            "years": [int(value) for value, _label in rows["year"]],
        }


def _option_rows(live: EventPageQuerySet) -> Any:
    """(kind, value, label, order) for every filter choice: audiences in vocabulary order, hosts
    and tags by name, years newest first (London time, as the archive filters by)."""

    def choices(queryset: Any, kind: str, value: Any, label: Any, order: Any) -> Any:
        return (
            queryset.order_by()
            .annotate(
                option_kind=Value(kind, output_field=CharField()),
                option_value=value,
                option_label=label,
                option_order=order,
            )
            .values_list("option_kind", "option_value", "option_label", "option_order")
        )

    no_order = Value(0, output_field=IntegerField())
    audiences = choices(Audience.objects.all(), "audience", F("slug"), F("name"), F("sort_order"))
    hosts = choices(BoroughPage.objects.filter(pk__in=live.values("host")), "host", F("slug"), F("title"), no_order)
    tag_ids = EventPageTag.objects.filter(content_object__live=True).values("tag")
    tags = choices(Tag.objects.filter(pk__in=tag_ids), "tag", F("slug"), F("name"), no_order)
    year = ExtractYear("start")
    years = choices(live.past(), "year", Cast(year, CharField()), Value("", output_field=CharField()), -year).distinct()
    return audiences.union(hosts, tags, years).order_by("option_kind", "option_order", "option_label")
