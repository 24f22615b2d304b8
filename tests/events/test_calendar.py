"""Calendar files and the Atom feed, parsed back and checked field by field, across the clocks changing."""

import datetime
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from events.services.calendar import build_calendar, event_uid
from events.services.cancellation import cancel_event
from tests.factories import BookingFactory, EventPageFactory

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
UTC = datetime.UTC


def parse(content: bytes) -> Calendar:
    return Calendar.from_ical(content)


def london(*args: int) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=LONDON)


def only_event(calendar: Calendar):
    [vevent] = calendar.walk("VEVENT")
    return vevent


class TestDaylightSaving:
    # 2027: the clocks go forward on Sunday 28 March and back on Sunday 31 October.
    @pytest.mark.parametrize(
        ("local_start", "utc_start"),
        [
            (london(2027, 3, 26, 10), datetime.datetime(2027, 3, 26, 10, tzinfo=UTC)),  # Friday before: GMT
            (london(2027, 3, 29, 10), datetime.datetime(2027, 3, 29, 9, tzinfo=UTC)),  # Monday after: BST
            (london(2027, 10, 29, 10), datetime.datetime(2027, 10, 29, 9, tzinfo=UTC)),  # Friday before: BST
            (london(2027, 11, 1, 10), datetime.datetime(2027, 11, 1, 10, tzinfo=UTC)),  # Monday after: GMT
        ],
    )
    def test_ten_oclock_in_london_is_stored_in_utc_and_written_in_london_time(self, client, local_start, utc_start):
        event = EventPageFactory(start=local_start, end=local_start + datetime.timedelta(hours=2))
        event.refresh_from_db()
        assert event.start == utc_start
        assert event.start.astimezone(UTC).hour == utc_start.hour
        vevent = only_event(parse(client.get(event.url + "calendar/").content))
        dtstart = vevent.decoded("dtstart")
        assert (dtstart.hour, str(dtstart.tzinfo)) == (10, "Europe/London")
        assert vevent["dtstart"].params["TZID"] == "Europe/London"
        assert dtstart == utc_start
        # The page shows 10:00 too.
        assert "10:00" in client.get(event.url).content.decode()

    def test_an_event_spanning_the_change_lasts_its_real_length(self):
        # 00:30 to 03:30 on the night the clocks go forward: two real hours.
        start = london(2027, 3, 28, 0, 30)
        end = london(2027, 3, 28, 3, 30)
        event = EventPageFactory(start=start, end=end)
        vevent = only_event(parse(build_calendar([event], name="t", base_url="https://x.example")))
        # Python subtracts wall-clock times within one zone, so compare in UTC.
        length = vevent.decoded("dtend").astimezone(UTC) - vevent.decoded("dtstart").astimezone(UTC)
        assert length == datetime.timedelta(hours=2)
        assert vevent.decoded("dtend").utcoffset() == datetime.timedelta(hours=1)

    def test_vtimezone_describes_both_offsets(self):
        event = EventPageFactory(start=london(2027, 6, 1, 10), end=london(2027, 6, 1, 12))
        calendar = parse(build_calendar([event], name="t", base_url="https://x.example"))
        [vtimezone] = calendar.walk("VTIMEZONE")
        assert vtimezone["TZID"] == "Europe/London"
        offsets = {str(sub.decoded("tzoffsetto")) for sub in vtimezone.subcomponents}
        assert {"0:00:00", "1:00:00"} <= offsets


class TestCalendarFields:
    def test_every_field_round_trips(self, client, settings):
        settings.WAGTAILADMIN_BASE_URL = "https://exchange.example"
        event = EventPageFactory(title="Strategy discussions practice day", summary="What to record.")
        calendar = parse(client.get(event.url + "calendar/").content)
        assert str(calendar["VERSION"]) == "2.0"
        assert "London Practice Exchange" in str(calendar["PRODID"])
        vevent = only_event(calendar)
        assert str(vevent["UID"]) == f"event-{event.pk}@exchange.example"
        assert str(vevent["SUMMARY"]) == "Strategy discussions practice day"
        assert str(vevent["DESCRIPTION"]) == "What to record."
        assert str(vevent["LOCATION"]) == "Demo conference suite, 1 Example Street, London"
        assert str(vevent["STATUS"]) == "CONFIRMED"
        assert vevent["SEQUENCE"] == 0
        assert str(vevent["URL"]).endswith(event.url)
        assert vevent.decoded("dtstamp").tzinfo is not None
        assert abs(vevent.decoded("dtstamp") - timezone.now()) < datetime.timedelta(minutes=1)
        assert vevent.decoded("dtstart") == event.start
        assert vevent.decoded("dtend") == event.end

    def test_uid_is_stable_and_sequence_rises_when_the_event_moves(self, client):
        event = EventPageFactory()
        first = only_event(parse(client.get(event.url + "calendar/").content))
        event.start += datetime.timedelta(hours=1)
        event.end += datetime.timedelta(hours=1)
        event.save_revision().publish()
        second = only_event(parse(client.get(event.url + "calendar/").content))
        assert first["UID"] == second["UID"] == event_uid(event)
        assert second["SEQUENCE"] == first["SEQUENCE"] + 1

    def test_a_change_that_calendars_do_not_show_keeps_the_sequence(self):
        event = EventPageFactory()
        event.summary = "A new summary."
        event.save_revision().publish()
        event.refresh_from_db()
        assert event.sequence == 0

    def test_saving_a_draft_does_not_raise_the_sequence(self):
        event = EventPageFactory()
        event.start += datetime.timedelta(hours=1)
        event.save_revision()
        assert type(event).objects.get(pk=event.pk).sequence == 0

    def test_a_cancelled_event_says_so_with_a_higher_sequence(self, client):
        event = EventPageFactory()
        BookingFactory(event=event)
        cancel_event(event, reason="Venue unavailable.")
        vevent = next(
            v for v in parse(client.get("/events/calendar.ics").content).walk("VEVENT") if v["UID"] == event_uid(event)
        )
        assert str(vevent["STATUS"]) == "CANCELLED"
        assert vevent["SEQUENCE"] == 1

    def test_site_calendar_has_upcoming_and_recent_but_not_old_or_unpublished(self, client):
        upcoming = EventPageFactory()
        recent = EventPageFactory(start=timezone.now() - datetime.timedelta(days=10))
        old = EventPageFactory(start=timezone.now() - datetime.timedelta(days=200))
        draft = EventPageFactory()
        draft.unpublish()
        response = client.get("/events/calendar.ics")
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        uids = {str(v["UID"]) for v in parse(response.content).walk("VEVENT")}
        assert uids == {event_uid(upcoming), event_uid(recent)}
        assert event_uid(old) not in uids


class TestAtomFeed:
    NS = {"atom": "http://www.w3.org/2005/Atom"}

    def test_feed_is_valid_atom_with_newest_announcements_first(self, client):
        first = EventPageFactory(title="First announced")
        second = EventPageFactory(title="Second announced")
        now = timezone.now()
        type(first).objects.filter(pk=first.pk).update(first_published_at=now - datetime.timedelta(days=1))
        type(first).objects.filter(pk=second.pk).update(first_published_at=now)
        response = client.get("/events/feed/")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/atom+xml")
        root = ET.fromstring(response.content)  # noqa: S314 - our own output, parsed to check it
        assert root.tag == "{http://www.w3.org/2005/Atom}feed"
        for required in ("atom:id", "atom:title", "atom:updated"):
            assert root.find(required, self.NS) is not None
        entries = root.findall("atom:entry", self.NS)
        titles = [e.find("atom:title", self.NS).text for e in entries]
        assert titles == ["Second announced", "First announced"]
        for entry in entries:
            for required in ("atom:id", "atom:title", "atom:updated", "atom:link"):
                assert entry.find(required, self.NS) is not None
        assert entries[0].find("atom:link", self.NS).get("href").endswith(second.url)
        ids = {e.find("atom:id", self.NS).text for e in entries}
        assert len(ids) == 2


def test_a_line_break_in_a_title_cannot_break_the_calendar(client):
    event = EventPageFactory(title="Practice day\r\nX-Injected: yes")
    for url in (event.url + "calendar/", "/events/calendar.ics"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"\nX-Injected" not in response.content
    [vevent] = parse(build_calendar([event], name=event.title, base_url="http://x")).walk("VEVENT")
    assert str(vevent["summary"]) == "Practice day X-Injected: yes"
