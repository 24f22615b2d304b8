"""Review lifecycle: reviewed-no-change, the leads' dashboard panel, the coordinators' report and the digest."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import PageLogEntry

from resources.models import ResourcePage, ReviewReminder
from resources.services.reviews import REVIEWED_LOG_ACTION, ReviewRefused, mark_reviewed, period_of
from tests.factories import ResourcePageFactory
from tests.resources.admin_helpers import coordinator, lead_of

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 28)


@pytest.fixture
def overdue(camden):
    return ResourcePageFactory(parent=camden, title="Overdue neglect toolkit", review_due=datetime.date(2026, 1, 5))


@pytest.fixture
def due_soon(camden):
    return ResourcePageFactory(
        parent=camden, title="Soon-due strategy guide", review_due=TODAY + datetime.timedelta(10)
    )


def test_mark_reviewed_moves_the_dates_and_is_audited(overdue, admin_user):
    page = mark_reviewed(overdue, admin_user, TODAY)
    live = ResourcePage.objects.get(pk=overdue.pk)
    assert live.last_reviewed == TODAY and live.review_due == datetime.date(2027, 11, 28)
    assert page.title == live.title and not live.has_unpublished_changes
    entry = PageLogEntry.objects.get(page=overdue, action=REVIEWED_LOG_ACTION)
    assert entry.data["previous_due"] == "2026-01-05"


def test_mark_reviewed_is_refused_with_unpublished_changes(overdue, admin_user):
    overdue.title = "Draft rewrite"
    overdue.save_revision()
    with pytest.raises(ReviewRefused, match="unpublished changes"):
        mark_reviewed(overdue, admin_user, TODAY)
    assert ResourcePage.objects.get(pk=overdue.pk).review_due == datetime.date(2026, 1, 5)


def test_lead_marks_own_resource_reviewed_through_the_admin(client, overdue):
    client.force_login(lead_of("Camden"))
    url = reverse("resources_reviewed", args=[overdue.pk])
    assert client.get(url).status_code == 200
    client.post(url)
    assert ResourcePage.objects.get(pk=overdue.pk).last_reviewed is not None


def test_lead_cannot_mark_another_publishers_resource(client, hackney):
    theirs = ResourcePageFactory(parent=hackney, review_due=datetime.date(2026, 1, 5))
    client.force_login(lead_of("Camden"))
    client.post(reverse("resources_reviewed", args=[theirs.pk]))
    assert ResourcePage.objects.get(pk=theirs.pk).last_reviewed is None


def test_dashboard_panel_lists_only_the_leads_own_due_resources(client, overdue, due_soon, hackney):
    ResourcePageFactory(parent=hackney, title="Hackney overdue guide", review_due=datetime.date(2026, 1, 5))
    client.force_login(lead_of("Camden"))
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Your resources due for review" in page
    assert "Overdue neglect toolkit" in page and "Soon-due strategy guide" in page
    assert "Hackney overdue guide" not in page


def test_coordinator_report_covers_every_borough_and_exports(client, overdue, hackney):
    ResourcePageFactory(parent=hackney, title="Hackney overdue guide", review_due=datetime.date(2026, 1, 5))
    client.force_login(coordinator())
    page = client.get(reverse("resources_review_report")).content.decode()
    assert "Overdue neglect toolkit" in page and "Hackney overdue guide" in page
    csv = client.get(reverse("resources_review_report") + "?export=csv")
    assert "Hackney overdue guide" in b"".join(csv.streaming_content).decode()


def test_leads_cannot_see_the_coordinator_report(client):
    client.force_login(lead_of("Camden"))
    assert client.get(reverse("resources_review_report")).status_code in (302, 403)


def test_digest_goes_to_each_lead_once_a_week(overdue, due_soon, camden):
    lead_of("Camden", "lead1")
    lead_of("Camden", "lead2")
    call_command("send_review_reminders", "--date", TODAY.isoformat(), stdout=io.StringIO())
    assert sorted(m.to[0] for m in mail.outbox) == ["lead1@exchange.example", "lead2@exchange.example"]
    assert "Overdue neglect toolkit" in mail.outbox[0].body and "Soon-due strategy guide" in mail.outbox[0].body
    call_command("send_review_reminders", "--date", (TODAY + datetime.timedelta(1)).isoformat(), stdout=io.StringIO())
    assert len(mail.outbox) == 2
    assert ReviewReminder.objects.get(publisher=camden).period == period_of(TODAY)
    call_command("send_review_reminders", "--date", (TODAY + datetime.timedelta(7)).isoformat(), stdout=io.StringIO())
    assert len(mail.outbox) == 4


def test_digest_skips_publishers_with_nothing_due(camden):
    lead_of("Camden")
    ResourcePageFactory(parent=camden, review_due=TODAY + datetime.timedelta(100))
    call_command("send_review_reminders", "--date", TODAY.isoformat(), stdout=io.StringIO())
    assert mail.outbox == []


def test_bad_date_is_a_clear_error():
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="not a date"):
        call_command("send_review_reminders", "--date", "next tuesday")
