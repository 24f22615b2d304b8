"""Demo events: written for this project, with no personal data (attendees are 'Demo attendee N').

Dates are relative to the day the demo is loaded, so upcoming events stay upcoming on a
fresh install. Loading again changes nothing: events are matched by slug and left alone.
"""

import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from events.enums import BookingStatus, EventFormat
from events.models import Booking, EventIndexPage, EventNotes, EventPage
from resources.models import Audience, BoroughPage, ResourcePage

LONDON = ZoneInfo("Europe/London")


@dataclass(frozen=True)
class DemoEvent:
    slug: str
    title: str
    summary: str
    days_from_today: int
    event_format: str = EventFormat.IN_PERSON
    host: str = "london-councils"
    capacity: int | None = 40
    confirmed: int = 0
    waiting: int = 0
    notes: tuple[str, ...] = ()  # (borough slug, source_id) of event-notes resources
    audiences: tuple[str, ...] = ("social-care",)
    tags: tuple[str, ...] = ()
    cancelled: str = ""
    start_hour: int = 10
    hours: int = 3
    extra: dict = field(default_factory=dict)


VENUE = {
    "venue_name": "London Councils, conference suite",
    "venue_address": "Demo House\n1 Example Street\nLondon",
    "accessibility_notes": "Step-free access, hearing loop in the main room, quiet room available on request.",
}
ONLINE = {
    "joining_details": "https://meet.example.org/practice-exchange-demo\nPasscode: DEMO-0000 (not a real meeting)"
}

DEMO_EVENTS: tuple[DemoEvent, ...] = (
    DemoEvent(
        "practice-day-harm-statements",
        "Practice day: writing harm statements together",
        "A practice development day on writing clear harm and danger statements with families and networks.",
        -70,
        confirmed=6,
        notes=(("london-councils", "lc-004"),),
        tags=("harm statements", "Signs of Safety"),
        audiences=("social-care", "managers"),
    ),
    DemoEvent(
        "practice-day-contextual-safeguarding",
        "Practice day: contextual safeguarding and conferences",
        "How child protection conferences can respond when harm comes from outside the family.",
        -40,
        event_format=EventFormat.HYBRID,
        confirmed=5,
        notes=(("london-councils", "lc-005"),),
        tags=("contextual safeguarding",),
        audiences=("social-care", "conference-chairs"),
        extra=ONLINE,
    ),
    DemoEvent(
        "chairs-network-hybrid-conferences",
        "Conference chairs' network: hybrid conferences one year on",
        "Chairs and CP advisers compare what has worked in hybrid initial and review conferences.",
        -21,
        event_format=EventFormat.ONLINE,
        host="regional-safeguarding-advisers-office",
        confirmed=4,
        notes=(("regional-safeguarding-advisers-office", "rsa-003"),),
        audiences=("conference-chairs",),
        tags=("conferences",),
        extra=ONLINE,
    ),
    DemoEvent(
        "multi-agency-briefing-strategy-discussions",
        "Multi-agency briefing: health at strategy discussions",
        "A briefing for health professionals on taking part in strategy discussions at short notice.",
        -7,
        confirmed=3,
        audiences=("health",),
        tags=("strategy discussions",),
    ),
    DemoEvent(
        "signs-of-safety-learning-event-mapping",
        "Signs of Safety learning event: mapping with families",
        "A learning event on using the assessment map in meetings with families and their networks.",
        12,
        capacity=40,
        confirmed=9,
        tags=("Signs of Safety", "mapping"),
        audiences=("social-care", "early-help"),
    ),
    DemoEvent(
        "designated-teachers-core-groups",
        "Designated teachers and DSLs in core groups",
        "A briefing for designated teachers and safeguarding leads on contributing to core groups.",
        20,
        capacity=3,
        confirmed=3,
        waiting=2,
        audiences=("education",),
        tags=("core groups",),
    ),
    DemoEvent(
        "online-briefing-s47-recording",
        "Online briefing: recording section 47 decisions",
        "A one-hour online briefing on recording the reasons for section 47 decisions.",
        5,
        event_format=EventFormat.ONLINE,
        capacity=100,
        confirmed=2,
        hours=1,
        start_hour=13,
        tags=("section 47",),
        audiences=("social-care", "managers"),
        extra=ONLINE,
    ),
    DemoEvent(
        "review-conferences-workshop",
        "Workshop: review conferences that end plans well",
        "A workshop on evidence for ending child protection plans and stepping down safely.",
        15,
        cancelled="The venue is no longer available. A new date will be announced on this page.",
        tags=("review conferences",),
        audiences=("conference-chairs", "social-care"),
    ),
    DemoEvent(
        "camden-north-london-practice-exchange",
        "North London practice exchange (hosted by Camden)",
        "Practitioners from north London boroughs share tools for plans that drift.",
        45,
        event_format=EventFormat.HYBRID,
        host="camden",
        capacity=60,
        confirmed=1,
        tags=("drift",),
        audiences=("social-care",),
        extra=ONLINE,
    ),
)


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=LONDON)


def load_demo_events(today: datetime.date | None = None) -> list[EventPage]:
    """Create the demo events that do not exist yet (by slug) with their bookings and notes; return those created."""
    today = today or timezone.localdate()
    index = EventIndexPage.objects.first()
    if index is None:
        return []
    created = []
    existing = set(EventPage.objects.child_of(index).values_list("slug", flat=True))
    for spec in DEMO_EVENTS:
        if spec.slug not in existing:
            with transaction.atomic():
                created.append(_create(index, spec, today))
    return created


def _create(index: EventIndexPage, spec: DemoEvent, today: datetime.date) -> EventPage:
    day = today + datetime.timedelta(days=spec.days_from_today)
    start = _at(day, spec.start_hour)
    fields = dict(spec.extra)
    if spec.event_format != EventFormat.ONLINE:
        fields.update(VENUE)
    event = EventPage(
        title=spec.title,
        slug=spec.slug,
        summary=spec.summary,
        start=start,
        end=start + datetime.timedelta(hours=spec.hours),
        event_format=spec.event_format,
        host=BoroughPage.objects.get(slug=spec.host),
        capacity=spec.capacity,
        cancelled_at=timezone.now() if spec.cancelled else None,
        cancellation_reason=spec.cancelled,
        agenda=[
            (
                "agenda_item",
                {"time": datetime.time(spec.start_hour, 0), "item": "Welcome and introductions", "speaker": "Host"},
            ),
            (
                "agenda_item",
                {
                    "time": datetime.time(spec.start_hour, 15),
                    "item": "Presentation and discussion",
                    "speaker": "Practice lead",
                },
            ),
        ],
        **fields,
    )
    event.audiences.set(Audience.objects.filter(slug__in=spec.audiences))
    event.tags.set(spec.tags)
    for order, (borough, source_id) in enumerate(spec.notes):
        resource = ResourcePage.objects.filter(borough__slug=borough, source_id=source_id).first()
        if resource:
            event.session_notes.add(EventNotes(resource=resource, sort_order=order))
    index.add_child(instance=event)
    event.save_revision().publish()
    is_past = spec.days_from_today < 0
    number = 0
    for status, count in ((BookingStatus.CONFIRMED, spec.confirmed), (BookingStatus.WAITLISTED, spec.waiting)):
        for _ in range(count):
            number += 1
            Booking.objects.create(
                event=event,
                name=f"Demo attendee {number}",
                email=f"demo-attendee-{number}@example.org",
                organisation="Demo borough",
                role="Social worker",
                status=status,
                attended=(number % 4 != 0) if is_past and status == BookingStatus.CONFIRMED else None,
            )
    return event
