"""Listing logic for events and bookings, as named queryset methods."""

from __future__ import annotations

import datetime
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils import timezone
from wagtail.models import PageManager

from core.querysets import ExchangePageQuerySet
from events.enums import BookingStatus
from resources.models import ResourcePage


class EventPageQuerySet(ExchangePageQuerySet):
    def upcoming(self, now: datetime.datetime | None = None) -> EventPageQuerySet:
        """Events that have not yet ended (one in progress is still upcoming), soonest first."""
        return self.filter(end__gt=now or timezone.now()).order_by("start", "pk")

    def past(self, now: datetime.datetime | None = None) -> EventPageQuerySet:
        """Events that have ended, most recent first."""
        return self.filter(end__lte=now or timezone.now()).order_by("-start", "-pk")

    def in_year(self, year: int) -> EventPageQuerySet:
        """Events starting in this calendar year (London time)."""
        return self.filter(start__year=year)

    def not_cancelled(self) -> EventPageQuerySet:
        return self.filter(cancelled_at__isnull=True)

    def of_format(self, *formats: str) -> EventPageQuerySet:
        """Events in any of these formats (EventFormat values)."""
        return self.filter(event_format__in=formats)

    def for_audiences(self, *slugs: str) -> EventPageQuerySet:
        """Events for any of these audiences (resources.Audience slugs), without duplicates."""
        return self.filter(
            pk__in=self.model.audiences.through.objects.filter(audience__slug__in=slugs).values("eventpage")
        )

    def hosted_by(self, *slugs: str) -> EventPageQuerySet:
        """Events hosted by any of these publishers (BoroughPage slugs)."""
        return self.filter(host__slug__in=slugs)

    def tagged(self, *slugs: str) -> EventPageQuerySet:
        """Events carrying any of these tags (by tag slug), without duplicates."""
        tagged = self.model.tagged_items.rel.related_model
        return self.filter(pk__in=tagged.objects.filter(tag__slug__in=slugs).values("content_object_id"))

    def missing_notes(self, now: datetime.datetime | None = None) -> EventPageQuerySet:
        """Held (ended, not cancelled) events with no event notes linked yet, most recent first."""
        notes = self.model.session_notes.rel.related_model
        return (
            self.past(now)
            .not_cancelled()
            .exclude(Exists(notes.objects.filter(page=OuterRef("pk"), resource__live=True)))
        )

    def for_calendar(self, now: datetime.datetime | None = None, recent_days: int = 90) -> EventPageQuerySet:
        """Upcoming events and those that ended in the last `recent_days` days, cancelled ones included."""
        since = (now or timezone.now()) - datetime.timedelta(days=recent_days)
        return self.filter(end__gte=since).order_by("start", "pk").select_related("host")

    def newly_announced(self) -> EventPageQuerySet:
        """Most recently first published first (the Atom feed's order)."""
        return self.order_by(F("first_published_at").desc(nulls_last=True), "-pk").select_related("host")

    def with_place_counts(self) -> EventPageQuerySet:
        """Annotate `confirmed_count` and `waiting_count` in the same query."""
        return self.annotate(
            confirmed_count=Count("bookings", filter=Q(bookings__status=BookingStatus.CONFIRMED)),
            waiting_count=Count("bookings", filter=Q(bookings__status=BookingStatus.WAITLISTED)),
        )

    def for_listing(self) -> EventPageQuerySet:
        """Fetch what listing templates show (host, tags, audiences) up front, so templates never query."""
        return self.select_related("host").prefetch_related("tags", "audiences")


def linked_resources(event_id: int) -> tuple[list[Any], list[Any]]:
    """An event's related resources and session notes that anyone may read, as two lists in the
    pages' tree order, fetched together (one query, one for their tags)."""
    # By name: the event models use this module, so it cannot import them.
    related = apps.get_model("events", "EventRelatedResource").objects.filter(page_id=event_id)
    notes = apps.get_model("events", "EventNotes").objects.filter(page_id=event_id)
    # The ids come from the (indexed) link tables, so no query reads every resource.
    linked_ids = related.order_by().values("resource").union(notes.order_by().values("resource"))
    linked = list(
        ResourcePage.objects.live()
        .public()
        .filter(pk__in=linked_ids)
        .annotate(
            is_related=Exists(related.filter(resource=OuterRef("pk"))),
            is_notes=Exists(notes.filter(resource=OuterRef("pk"))),
        )
        .for_listing()
    )
    return [r for r in linked if r.is_related], [r for r in linked if r.is_notes]


class BookingQuerySet(models.QuerySet):
    def active(self) -> BookingQuerySet:
        """Bookings holding a place or waiting for one."""
        return self.exclude(status=BookingStatus.CANCELLED)

    def confirmed(self) -> BookingQuerySet:
        return self.filter(status=BookingStatus.CONFIRMED)

    def waiting(self) -> BookingQuerySet:
        """The waiting list in order: first come, first promoted."""
        return self.filter(status=BookingStatus.WAITLISTED).order_by("created_at", "pk")

    def for_email(self, email: str) -> BookingQuerySet:
        return self.filter(email__iexact=email.strip())

    def due_reminder(
        self, now: datetime.datetime | None = None, ahead: datetime.timedelta | None = None
    ) -> BookingQuerySet:
        """Confirmed bookings not yet reminded, for live, not cancelled events starting within `ahead` (2 days)."""
        now = now or timezone.now()
        ahead = ahead or datetime.timedelta(days=2)
        return self.confirmed().filter(
            reminder_sent_at__isnull=True,
            event__live=True,
            event__cancelled_at__isnull=True,
            event__start__gt=now,
            event__start__lte=now + ahead,
        )

    def for_admin(self) -> BookingQuerySet:
        """Coordinators' order: places first, then the waiting list in order, then cancellations."""
        order = models.Case(
            models.When(status=BookingStatus.CONFIRMED, then=0),
            models.When(status=BookingStatus.WAITLISTED, then=1),
            default=2,
        )
        return self.annotate(status_order=order).order_by("status_order", "created_at", "pk")


EventPageManager = PageManager.from_queryset(EventPageQuerySet)
