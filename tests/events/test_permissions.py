"""Roles: coordinators create, publish and cancel events; leads draft events hosted by their own borough."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission

from events.models import EventPage
from resources.models import BoroughPage
from tests.events.test_admin_validation import add_url, event_form
from tests.factories import BookingFactory, EventPageFactory
from tests.resources.admin_helpers import coordinator, lead_of

pytestmark = pytest.mark.django_db


def host(slug: str) -> str:
    return str(BoroughPage.objects.get(slug=slug).pk)


def test_every_leads_group_may_add_events(events_index):
    add_page = Permission.objects.get(codename="add_page")
    for name in ("Camden leads", "Hackney leads", "London Councils leads"):
        group = Group.objects.get(name=name)
        assert GroupPagePermission.objects.filter(group=group, page=events_index, permission=add_page).exists()
        # Not change or publish: leads edit only the events they created, and never publish them.
        assert not GroupPagePermission.objects.filter(group=group, page=events_index).exclude(permission=add_page)


def test_coordinators_see_the_outbox():
    assert coordinator().has_perm("notifications.view_outboundemail")


def test_a_lead_drafts_and_submits_an_event_hosted_by_their_borough(client, events_index):
    lead = lead_of("Camden")
    client.force_login(lead)
    form = client.get(add_url(events_index)).context["form"]
    assert list(form.fields["host"].queryset.values_list("slug", flat=True)) == ["camden"]
    data = event_form(host=host("camden"))
    data.pop("action-publish")
    data["action-submit"] = "1"
    response = client.post(add_url(events_index), data)
    assert response.status_code == 302
    event = EventPage.objects.get(slug="practice-day")
    assert not event.live
    assert event.host.slug == "camden"
    assert event.workflow_in_progress


def test_a_lead_cannot_draft_an_event_for_another_borough(client, events_index):
    client.force_login(lead_of("Camden"))
    data = event_form(host=host("hackney"))
    data.pop("action-publish")
    response = client.post(add_url(events_index), data)
    assert response.status_code == 200
    assert "host" in response.context["form"].errors
    assert not EventPage.objects.filter(slug="practice-day").exists()


def test_a_lead_cannot_publish_an_event(client, events_index):
    client.force_login(lead_of("Camden"))
    client.post(add_url(events_index), event_form(host=host("camden")))
    assert not EventPage.objects.filter(slug="practice-day", live=True).exists()


def test_a_coordinator_publishes_any_host_with_london_councils_first(client, events_index):
    client.force_login(coordinator())
    form = client.get(add_url(events_index)).context["form"]
    assert form.initial["host"] == BoroughPage.objects.get(slug="london-councils").pk
    assert form.fields["host"].queryset.count() == BoroughPage.objects.count()
    response = client.post(add_url(events_index), event_form(host=host("hackney")))
    assert response.status_code == 302
    assert EventPage.objects.get(slug="practice-day").live


def test_coordinators_cancel_events_and_leads_cannot(client):
    event = EventPageFactory()
    client.force_login(lead_of("London Councils", username="lc-lead"))
    client.post(reverse("events_admin:cancel", args=[event.pk]), {"reason": ""})
    assert not EventPage.objects.get(pk=event.pk).is_cancelled
    client.force_login(coordinator())
    client.post(reverse("events_admin:cancel", args=[event.pk]), {"reason": ""})
    assert EventPage.objects.get(pk=event.pk).is_cancelled


def test_a_lead_sees_bookings_for_their_own_event_only(client):
    lead = lead_of("Camden")
    own = EventPageFactory(host=BoroughPage.objects.get(slug="camden"), owner=lead)
    other = EventPageFactory()
    BookingFactory(event=own, name="Test own attendee")
    BookingFactory(event=other, name="Test other attendee")
    client.force_login(lead)
    assert b"Test own attendee" in client.get(reverse("events_admin:bookings", args=[own.pk])).content
    response = client.get(reverse("events_admin:bookings", args=[other.pk]))
    assert b"Test other attendee" not in response.content
