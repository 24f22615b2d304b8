"""Event pages: where they may live, what they show, the listing's filters and query budgets."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.test.utils import WagtailTestUtils

from events.models import EventIndexPage, EventNotes, EventPage, EventRelatedResource
from home.models import HomePage
from resources.enums import ResourceType
from resources.models import Audience, BoroughPage
from tests.factories import BookingFactory, EventPageFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db


def ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


class TestPageTree(WagtailTestUtils):
    def test_allowed_parents_and_children(self):
        assert EventIndexPage.allowed_parent_page_models() == [HomePage]
        assert EventIndexPage.allowed_subpage_models() == [EventPage]
        assert EventPage.allowed_parent_page_models() == [EventIndexPage]
        assert EventPage.allowed_subpage_models() == []

    def test_the_migration_created_events_under_home(self, events_index, home):
        assert events_index.get_parent().specific == home
        assert events_index.url == "/events/"
        assert events_index.live

    def test_pages_render(self, client, events_index):
        event = EventPageFactory()
        assert client.get(events_index.url).status_code == 200
        response = client.get(event.url)
        assert response.status_code == 200
        html = response.content.decode()
        assert html.count("<h1") == 1
        assert "Book a place" in html
        assert "London Councils" in html  # the default host


class TestEventPage:
    def test_host_defaults_to_london_councils(self, events_index):
        event = EventPage(
            title="Briefing",
            slug="briefing",
            summary="s",
            start=timezone.now() + datetime.timedelta(days=1),
            end=timezone.now() + datetime.timedelta(days=1, hours=1),
            event_format="online",
        )
        events_index.add_child(instance=event)
        assert event.host.slug == "london-councils"

    def test_past_event_without_notes_says_notes_to_follow(self, client):
        event = EventPageFactory(start=ago(3))
        html = client.get(event.url).content.decode()
        assert "Notes to follow" in html
        assert "Book a place" not in html

    def test_past_event_lists_its_notes_from_this_session(self, client):
        event = EventPageFactory(start=ago(3))
        notes = ResourcePageFactory(title="Notes from the practice day", resource_type=ResourceType.EVENT_NOTES)
        EventNotes.objects.create(page=event, resource=notes)
        html = client.get(event.url).content.decode()
        assert "From this session" in html
        assert "Notes from the practice day" in html
        assert "Notes to follow" not in html

    def test_cancelled_event_keeps_its_page_with_a_notice(self, client):
        event = EventPageFactory(cancelled_at=timezone.now(), cancellation_reason="The venue closed.")
        html = client.get(event.url).content.decode()
        assert "This event has been cancelled" in html and "The venue closed." in html
        assert "Book a place" not in html

    def test_full_event_shows_the_waiting_list(self, client):
        event = EventPageFactory(capacity=1)
        BookingFactory(event=event)
        BookingFactory(event=event, status="waitlisted")
        html = client.get(event.url).content.decode()
        assert "This event is full" in html and "1 person is waiting" in html

    def test_agenda_is_shown(self, client):
        event = EventPageFactory(
            agenda=[("agenda_item", {"time": datetime.time(10, 15), "item": "Scaling questions", "speaker": "Lead"})]
        )
        html = client.get(event.url).content.decode()
        assert "10:15" in html and "Scaling questions" in html

    @pytest.mark.parametrize("count", [10, 50])
    def test_event_page_query_budget_does_not_grow(self, client, count):
        event = EventPageFactory(start=ago(2))
        event.tags.set(["strategy", "neglect"])
        event.audiences.set(Audience.objects.all()[:3])
        event.save()
        for n in range(count):
            related = ResourcePageFactory(title=f"Related {n}", tags=["strategy"])
            notes = ResourcePageFactory(title=f"Notes {n}", resource_type=ResourceType.EVENT_NOTES, tags=["notes"])
            EventRelatedResource.objects.create(page=event, resource=related)
            EventNotes.objects.create(page=event, resource=notes)
            BookingFactory(event=event)
        client.get(event.url)  # warm the site cache
        with CaptureQueriesContext(connection) as queries:
            response = client.get(event.url)
        assert response.status_code == 200
        assert len(queries) <= 10, [q["sql"][:120] for q in queries]
        assert (len(response.context["related"]), len(response.context["notes"])) == (count, count)


class TestListing:
    def test_upcoming_soonest_first_and_past_in_the_archive(self, client, events_index):
        later = EventPageFactory(title="Later", start=timezone.now() + datetime.timedelta(days=20))
        sooner = EventPageFactory(title="Sooner", start=timezone.now() + datetime.timedelta(days=2))
        past = EventPageFactory(title="Held last month", start=ago(30))
        upcoming = list(client.get(events_index.url).context["page_obj"])
        assert upcoming == [sooner, later]
        archive = client.get(events_index.url, {"when": "past"})
        assert list(archive.context["page_obj"]) == [past]
        year = past.start.year
        assert year in archive.context["options"]["years"]
        by_year = client.get(events_index.url, {"when": "past", "year": str(year)})
        assert list(by_year.context["page_obj"]) == [past]
        assert not list(client.get(events_index.url, {"when": "past", "year": "2001"}).context["page_obj"])

    def test_filters_by_format_audience_host_and_tag(self, client, events_index):
        online = EventPageFactory(title="Online one", event_format="online", venue_name="")
        health = EventPageFactory(title="For health")
        health.audiences.set(Audience.objects.filter(slug="health"))
        health.save()
        camden = EventPageFactory(title="Camden's", host=BoroughPage.objects.get(slug="camden"))
        tagged = EventPageFactory(title="Tagged")
        tagged.tags.set(["neglect"])
        tagged.save()

        def listed(**params):
            return set(client.get(events_index.url, params).context["page_obj"])

        assert listed(format="online") == {online}
        assert listed(audience="health") == {health}
        assert listed(host="camden") == {camden}
        assert listed(tag="neglect") == {tagged}
        assert len(listed()) == 4
        assert len(listed(format="nonsense")) == 4  # unknown values are ignored

    def test_listing_is_paginated(self, client, events_index, settings):
        settings.EVENTS_PER_PAGE = 2
        for n in range(5):
            EventPageFactory(start=timezone.now() + datetime.timedelta(days=n + 1))
        response = client.get(events_index.url, {"page": "3"})
        assert len(response.context["page_obj"]) == 1
        assert client.get(events_index.url, {"page": "nonsense"}).status_code == 200

    @pytest.mark.parametrize("count", [10, 50])
    def test_listing_query_budget_does_not_grow(self, client, events_index, count, settings):
        settings.EVENTS_PER_PAGE = 50
        for n in range(count):
            event = EventPageFactory(start=timezone.now() + datetime.timedelta(days=n + 1))
            event.tags.set(["strategy", f"topic {n}"])
            event.audiences.set(Audience.objects.all()[:2])
            event.save()
            BookingFactory(event=event)
        EventPageFactory(start=ago(400))  # the archive's years are listed too
        client.get(events_index.url)  # warm the site cache
        with CaptureQueriesContext(connection) as queries:
            response = client.get(events_index.url)
        assert response.status_code == 200
        assert len(queries) <= 10, [q["sql"][:120] for q in queries]
        assert len(response.context["page_obj"]) == count

    def test_home_shows_the_next_three_upcoming(self, client):
        for n in range(5):
            EventPageFactory(title=f"Upcoming {n}", start=timezone.now() + datetime.timedelta(days=n + 1))
        EventPageFactory(
            title="Cancelled one", start=timezone.now() + datetime.timedelta(hours=5), cancelled_at=timezone.now()
        )
        EventPageFactory(title="Past one", start=ago(2))
        response = client.get("/")
        titles = [event.title for event in response.context["upcoming_events"]]
        assert titles == ["Upcoming 0", "Upcoming 1", "Upcoming 2"]


def test_linked_resources_lists_public_related_and_notes_in_tree_order():
    from events.querysets import linked_resources
    from resources.services.visibility import set_members_only

    event = EventPageFactory(start=ago(2))
    both = ResourcePageFactory(title="Both", resource_type=ResourceType.EVENT_NOTES)
    related = ResourcePageFactory(title="Related only")
    hidden = ResourcePageFactory(title="Members only")
    set_members_only(hidden, True)
    for resource in (related, both, hidden):
        EventRelatedResource.objects.create(page=event, resource=resource)
    EventNotes.objects.create(page=event, resource=both)
    assert linked_resources(event.pk) == ([both, related], [both])
