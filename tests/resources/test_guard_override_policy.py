"""The override policy, through the editor and the moderation workflow: a clear identifier (NHS or
NI number, date of birth, postcode, phone, email, case reference) is never let through, by a lead
or a coordinator; a softer finding (a name, a street address, a school with a first name) may be
acknowledged with a reason by whoever publishes or submits, and the reason is in the page history.

Values are synthetic: names pairing a first name with "Sample", an NHS number from the 999 range.
"""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry, WorkflowState

from resources.models import ResourcePage
from resources.models.workflow import OVERRIDE_ACTION, OVERRIDE_LOG_ACTION
from resources.services.page_guard import CLEAR_IDENTIFIERS, PageFinding, must_remove
from tests.factories import ResourcePageFactory
from tests.resources.admin_helpers import coordinator, lead_of, resource_form_data

pytestmark = pytest.mark.django_db

NAME = "Speaker notes: Declan Sample chaired the network meeting."
NAME_AND_POSTCODE = "Speaker notes: Declan Sample chaired the meeting at his home, N16 0ZZ."
REASON = "Declan Sample is the partnership's conference chair, named with his agreement."


@pytest.fixture
def ours(camden):
    return ResourcePageFactory(parent=camden, title="Camden chronology guide")


def live(page):
    return ResourcePage.objects.get(pk=page.pk)


def _edit(client, page, **fields):
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), resource_form_data(page, **fields))


def test_only_clear_identifiers_are_beyond_acknowledgement():
    for kind in ("nhs_number", "ni_number", "date_of_birth", "postcode", "phone", "email", "case_reference"):
        assert kind in CLEAR_IDENTIFIERS
        assert must_remove([PageFinding("Summary", kind, "high", "***")])
        assert not must_remove([PageFinding("Summary", kind, "low", "***")])  # a warning never blocks
    for kind in ("person_name", "address", "school_year_name"):
        assert not must_remove([PageFinding("Summary", kind, "high", "***")])


def test_a_coordinator_acknowledges_a_name_and_publishes_it_on_the_record(client, ours):
    user = coordinator()
    client.force_login(user)
    refused = _edit(client, ours, summary=NAME, action="action-publish")
    assert "say why in the box for flagged names and addresses" in refused.content.decode()
    _edit(client, ours, summary=NAME, guard_override_reason=REASON, action="action-publish")
    assert live(ours).summary == NAME
    entry = PageLogEntry.objects.get(page=ours, action=OVERRIDE_LOG_ACTION)
    assert entry.user == user and entry.data["reason"] == REASON
    assert "Declan" not in str(entry.data["findings"])


def test_a_lead_acknowledges_a_name_when_submitting_and_the_coordinator_approves_with_a_reason(client, ours):
    lead = lead_of("Camden")
    client.force_login(lead)
    _edit(client, ours, summary=NAME, guard_override_reason=REASON, action="action-submit")
    state = WorkflowState.objects.get(object_id=str(ours.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    assert PageLogEntry.objects.filter(page=ours, action=OVERRIDE_LOG_ACTION, user=lead).exists()
    user = coordinator()
    task_state = state.current_task_state
    assert [name for name, *_ in task_state.task.specific.get_actions(live(ours), user)] == ["reject", OVERRIDE_ACTION]
    client.force_login(user)
    override = reverse("wagtailadmin_pages:workflow_action", args=[ours.pk, OVERRIDE_ACTION, task_state.pk])
    client.post(override, {"override_reason": "Checked: the conference chair, not a family member."})
    assert live(ours).summary == NAME


@pytest.mark.parametrize("who", ["lead", "coordinator"])
def test_a_reason_never_lets_a_clear_identifier_through_beside_a_name(client, ours, who):
    client.force_login(lead_of("Camden") if who == "lead" else coordinator())
    action = "action-submit" if who == "lead" else "action-publish"
    response = _edit(client, ours, summary=NAME_AND_POSTCODE, guard_override_reason=REASON, action=action)
    body = response.content.decode()
    assert "Postcode in the summary" in body and "can never be let through" in body
    assert "N16 0ZZ" not in body.split("cannot be", 1)[1].split("</", 1)[0]
    assert live(ours).summary != NAME_AND_POSTCODE
    assert not WorkflowState.objects.filter(object_id=str(ours.pk)).exists()
    assert not PageLogEntry.objects.filter(page=ours, action=OVERRIDE_LOG_ACTION).exists()


def test_the_acknowledgement_box_is_offered_to_leads_too(client, ours):
    client.force_login(lead_of("Camden"))
    page = client.get(reverse("wagtailadmin_pages:edit", args=[ours.pk])).content.decode()
    assert "guard_override_reason" in page and "Why a flagged name or address" in page
