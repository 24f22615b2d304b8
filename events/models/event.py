"""An event: a shared session a coordinator announces, with its bookings, agenda and notes afterwards.

Times are stored in UTC and entered and shown in Europe/London (TIME_ZONE), so an event
keeps its wall-clock time across the clocks changing.
"""

import datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.routing import RoutedPageMixin
from events.admin_forms import EventPageForm
from events.blocks import AgendaBlock
from events.enums import EventFormat
from events.models.routes import views
from events.panels import BookingsPanel
from events.querysets import EventPageManager, linked_resources
from resources.enums import ResourceType
from resources.models import BoroughPage, ResourcePage
from resources.querysets import linked_ids

DEFAULT_HOST_SLUG = "london-councils"
# Changes to these fields are changes attendees' calendars must pick up (iCalendar SEQUENCE).
CALENDAR_FIELDS = ("title", "start", "end", "event_format", "venue_name", "venue_address", "cancelled_at")


class EventPageTag(TaggedItemBase):
    content_object = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="tagged_items")


class EventPage(RoutedPageMixin, RoutablePageMixin, Page):
    summary = models.TextField(
        max_length=400,
        validators=[MaxLengthValidator(400)],
        help_text="Plain text, at most 400 characters: what the session covers and who it is for.",
    )
    description = RichTextField(blank=True, features=["bold", "italic", "link", "ul", "ol", "h2", "h3"])
    start = models.DateTimeField(help_text="London time.", db_index=True)
    end = models.DateTimeField(help_text="London time.", db_index=True)
    event_format = models.CharField("format", max_length=12, choices=EventFormat.choices, default=EventFormat.IN_PERSON)
    venue_name = models.CharField(max_length=150, blank=True)
    venue_address = models.TextField(max_length=500, blank=True)
    accessibility_notes = models.TextField(
        max_length=1000, blank=True, help_text="Step-free access, hearing loop, quiet room, nearest stations."
    )
    joining_details = models.TextField(
        "online joining details",
        max_length=2000,
        blank=True,
        help_text="Link and passcode. Shown only to booked attendees (booking page and emails), never publicly.",
    )
    host = models.ForeignKey(
        BoroughPage,
        on_delete=models.PROTECT,
        related_name="hosted_events",
        verbose_name="host organisation",
        help_text="London Councils unless a borough or another pan-London body hosts it.",
    )
    audiences = ParentalManyToManyField("resources.Audience", blank=True, related_name="events")
    tags = ClusterTaggableManager(through=EventPageTag, blank=True)
    agenda = StreamField(AgendaBlock(), blank=True)
    capacity = models.IntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(0, "Capacity cannot be below zero.")],
        help_text="Places available. When they are all taken, further bookings join a waiting list. "
        "Leave blank for no limit (and no waiting list).",
    )
    registration_closes_at = models.DateTimeField(
        null=True, blank=True, help_text="London time. Leave blank to close registration when the event starts."
    )
    cancelled_at = models.DateTimeField(null=True, blank=True, editable=False)
    cancellation_reason = models.TextField(blank=True, editable=False)
    # iCalendar SEQUENCE: raised whenever a published change moves or cancels the event.
    sequence = models.PositiveIntegerField(default=0, editable=False)

    objects = EventPageManager()
    route_select_related = ("host",)  # the page names its host

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading="When"),
        FieldPanel("event_format"),
        MultiFieldPanel(
            [FieldPanel("venue_name"), FieldPanel("venue_address"), FieldPanel("accessibility_notes")],
            heading="Venue",
        ),
        FieldPanel("joining_details"),
        FieldPanel("host", widget=forms.Select),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
        FieldPanel("description"),
        FieldPanel("agenda"),
        MultiFieldPanel(
            [FieldPanel("capacity"), FieldPanel("registration_closes_at"), BookingsPanel(heading="Bookings")],
            heading="Booking",
        ),
        InlinePanel("related_resources", label="Related resource", heading="Related resources"),
        InlinePanel("session_notes", label="Notes or slides", heading="From this session (after the event)"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("start"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []
    base_form_class = EventPageForm

    class Meta:
        verbose_name = "event"

    # Validation and saving

    def full_clean(self, *args: Any, **kwargs: Any) -> None:
        # London Councils hosts most sessions; filling it in before validation makes it the default.
        if not self.host_id:
            self.host = BoroughPage.objects.filter(slug=DEFAULT_HOST_SLUG).first()
        super().full_clean(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = "The event must end after it starts."
        if self.registration_closes_at and self.end and self.registration_closes_at > self.end:
            errors["registration_closes_at"] = "Registration cannot close after the event ends."
        if self.event_format in (EventFormat.IN_PERSON, EventFormat.HYBRID) and not self.venue_name:
            errors["venue_name"] = "Give the venue for an in-person or hybrid event."
        if errors:
            raise ValidationError(errors)

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Partial saves (Wagtail's draft bookkeeping) never change what a calendar shows.
        if self.pk and kwargs.get("update_fields") is None:
            stored = EventPage.objects.filter(pk=self.pk).values(*CALENDAR_FIELDS, "sequence").first()
            if stored and any(stored[name] != getattr(self, name) for name in CALENDAR_FIELDS):
                self.sequence = max(self.sequence, stored["sequence"]) + 1
        super().save(*args, **kwargs)

    # What the page and the booking service ask

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def registration_closes(self) -> datetime.datetime:
        """When booking stops: the set time, or the start if that comes first."""
        if self.registration_closes_at and self.registration_closes_at < self.start:
            return self.registration_closes_at
        return self.start

    @property
    def closes_at_start(self) -> bool:
        return self.registration_closes == self.start

    def is_past(self, now: datetime.datetime | None = None) -> bool:
        return self.end <= (now or timezone.now())

    def registration_closed_reason(self, now: datetime.datetime | None = None) -> str:
        """Why nobody can book now, or '' when booking is open."""
        now = now or timezone.now()
        if not self.live:
            return "This event is not published, so it cannot be booked."
        if self.is_cancelled:
            return "This event has been cancelled, so it cannot be booked."
        if self.end <= now:
            return "This event has already taken place."
        if self.start <= now:
            return "Registration closed when the event started."
        if self.registration_closes <= now:
            return "Registration for this event has closed."
        return ""

    @property
    def has_venue(self) -> bool:
        return self.event_format in (EventFormat.IN_PERSON, EventFormat.HYBRID)

    @property
    def is_online(self) -> bool:
        return self.event_format in (EventFormat.ONLINE, EventFormat.HYBRID)

    @property
    def format_label(self) -> str:
        return EventFormat(self.event_format).label

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        # Imported when a page is served: the booking form and services use these models.
        from events.forms import BookingForm
        from events.services.bookings import place_counts

        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        confirmed, waiting = place_counts(self)
        related, notes = self.linked_resources()
        context.update(
            now=now,
            is_past=self.is_past(now),
            closed_reason=self.registration_closed_reason(now),
            confirmed_count=confirmed,
            waiting_count=waiting,
            places_left=None if self.capacity is None else max(self.capacity - confirmed, 0),
            host=self.host,
            events_url=self.get_parent().url,
            audiences=list(self.audiences.all()),
            tags=list(self.tags.all()),
            related=related,
            notes=notes,
            ics_url=self.url + self.reverse_subpage("ics"),
            book_url=self.url + self.reverse_subpage("book"),
        )
        context.setdefault("form", BookingForm())
        return context

    def linked_resources(self) -> tuple[Any, Any]:
        """(related resources, session notes) anyone may read: one query when the links are the
        saved ones (a preview carries unsaved links in memory, which the relations return instead)."""
        unsaved = getattr(self, "_cluster_related_objects", {})
        if self.pk and "related_resources" not in unsaved and "session_notes" not in unsaved:
            return linked_resources(self.pk)
        public = ResourcePage.objects.live().public()
        return (
            public.filter(pk__in=linked_ids(self.related_resources)).for_listing(),
            public.filter(pk__in=linked_ids(self.session_notes)).for_listing(),
        )

    @path("book/", name="book")
    def book(self, request: HttpRequest) -> HttpResponse:
        return views().book(request, self)

    @path("calendar/", name="ics")
    def ics(self, request: HttpRequest) -> HttpResponse:
        return views().event_calendar(request, self)


class EventRelatedResource(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="related_resources")
    resource = models.ForeignKey(ResourcePage, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("resource")]

    class Meta(Orderable.Meta):
        verbose_name = "related resource"


class EventNotes(Orderable):
    """Notes or slides from the session: a resource of type 'event notes', shown under 'From this session'."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="session_notes")
    resource = models.ForeignKey(
        ResourcePage,
        on_delete=models.CASCADE,
        related_name="event_links",
        limit_choices_to={"resource_type": ResourceType.EVENT_NOTES},
    )

    panels = [FieldPanel("resource")]

    class Meta(Orderable.Meta):
        verbose_name = "event notes"
        verbose_name_plural = "event notes"
