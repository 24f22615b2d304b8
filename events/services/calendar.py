"""iCalendar files: one event's "Add to calendar" and the site's subscribable calendar.

UIDs are stable (the page's id and the site's host), SEQUENCE rises when a published
change moves or cancels the event, cancelled events say STATUS:CANCELLED, and times are
written in Europe/London with its VTIMEZONE so every client agrees on the wall-clock time.
Joining details never appear here: the site calendar is public.
"""

import datetime
from collections.abc import Iterable
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, Timezone

from events.models import EventPage

LONDON = ZoneInfo("Europe/London")
PRODID = "-//London Practice Exchange//Events//EN"


def event_uid(event: EventPage) -> str:
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "practice-exchange.example"
    return f"event-{event.pk}@{host}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _location(event: EventPage) -> str:
    if event.has_venue:
        parts = [event.venue_name, " ".join(event.venue_address.split())]
        where = ", ".join(p for p in parts if p)
        return f"{where} (and online)" if event.is_online else where
    return "Online (joining details are sent to people who book)"


def build_vevent(event: EventPage, *, stamp: datetime.datetime, base_url: str) -> Event:
    vevent = Event()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", stamp)
    vevent.add("sequence", event.sequence)
    vevent.add("summary", _one_line(event.title))
    vevent.add("dtstart", timezone.localtime(event.start, LONDON))
    vevent.add("dtend", timezone.localtime(event.end, LONDON))
    vevent.add("description", event.summary)
    vevent.add("location", _location(event))
    vevent.add("url", base_url.rstrip("/") + event.url)
    vevent.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    if event.last_published_at:
        vevent.add("last-modified", event.last_published_at)
    return vevent


def build_calendar(events: Iterable[EventPage], *, name: str, base_url: str) -> bytes:
    """An iCalendar file of these events; `base_url` makes absolute links (e.g. https://exchange.example)."""
    events = list(events)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # X- properties are written unescaped: a line break in a title would end the line (and the file).
    calendar.add("x-wr-calname", _one_line(name))
    calendar.add("x-wr-timezone", "Europe/London")
    first = min((e.start for e in events), default=timezone.now()).date() - datetime.timedelta(days=366)
    last = max((e.end for e in events), default=timezone.now()).date() + datetime.timedelta(days=366)
    calendar.add_component(Timezone.from_tzid("Europe/London", first_date=first, last_date=last))
    stamp = timezone.now()
    for event in events:
        calendar.add_component(build_vevent(event, stamp=stamp, base_url=base_url))
    return calendar.to_ical()
