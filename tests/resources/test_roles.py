"""Roles: every publisher's leads work only under their own publisher, proven through the admin URLs."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, GroupPagePermission, Page, WorkflowState

from core.roles import COORDINATORS, NETWORK_MEMBERS, is_coordinator, is_network_member
from events.models import EventIndexPage
from resources.models import BoroughPage, PublisherAccess, ResourcePage
from tests.factories import ResourcePageFactory
from tests.resources.admin_helpers import coordinator, lead_of, member, resource_form_data

pytestmark = pytest.mark.django_db


def latest(page):
    return ResourcePage.objects.get(pk=page.pk).get_latest_revision_as_object()


@pytest.fixture
def camden_lead(client):
    user = lead_of("Camden")
    client.force_login(user)
    return user


@pytest.fixture
def theirs(hackney):
    return ResourcePageFactory(parent=hackney, title="Hackney core group guide")


@pytest.fixture
def ours(camden):
    return ResourcePageFactory(parent=camden, title="Camden core group guide")


def test_every_publisher_has_a_leads_group_and_collection():
    publishers = BoroughPage.objects.all()
    assert publishers.count() == 35
    for publisher in publishers:
        access = publisher.access
        assert access.leads_group.name == f"{publisher.title} leads"
        assert access.collection.name == publisher.title
        granted = set(
            GroupPagePermission.objects.filter(group=access.leads_group).values_list("page_id", "permission__codename")
        )
        # Leads also draft events for their own publisher (events.services.event_permissions): 'add' on /events/.
        events_index = EventIndexPage.objects.get()
        granted.discard((events_index.pk, "add_page"))
        assert granted == {(publisher.pk, "add_page"), (publisher.pk, "change_page"), (publisher.pk, "lock_page")}
    assert Group.objects.filter(name__in=[COORDINATORS, NETWORK_MEMBERS]).count() == 2
    assert Collection.objects.filter(depth=2).count() == 35


def test_a_new_publisher_gets_its_leads_group(boroughs_index):
    added = boroughs_index.add_child(instance=BoroughPage(title="Example Safeguarding Partnership", slug="esp"))
    access = PublisherAccess.objects.get(publisher=added)
    assert access.leads_group.name == "Example Safeguarding Partnership leads"
    assert GroupPagePermission.objects.filter(group=access.leads_group, page=added).count() == 3


def test_role_questions(camden, hackney):
    lead = lead_of("Camden")
    assert list(BoroughPage.objects.led_by(lead)) == [camden]
    assert not is_network_member(lead) and not is_coordinator(lead)
    assert is_network_member(member()) and not is_coordinator(member("m2"))
    assert is_coordinator(coordinator()) and BoroughPage.objects.led_by(coordinator("c2")).count() == 35


def test_lead_edits_own_resource(client, camden_lead, ours):
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[ours.pk]), resource_form_data(ours, summary="Updated by Camden.")
    )
    assert response.status_code == 302
    assert latest(ours).summary == "Updated by Camden."


def test_lead_cannot_edit_another_publishers_resource(client, camden_lead, theirs):
    url = reverse("wagtailadmin_pages:edit", args=[theirs.pk])
    assert client.get(url).status_code in (302, 403)
    client.post(url, resource_form_data(theirs, summary="Changed by Camden."))
    assert latest(theirs).summary != "Changed by Camden."


def test_lead_cannot_add_under_another_publisher(client, camden_lead, hackney, camden):
    hackney_url = reverse("wagtailadmin_pages:add", args=["resources", "resourcepage", hackney.pk])
    before = ResourcePage.objects.count()
    assert client.get(hackney_url).status_code in (302, 403)
    client.post(hackney_url, resource_form_data(ResourcePageFactory.build(slug="planted"), action="action-submit"))
    assert ResourcePage.objects.count() == before
    assert (
        client.get(reverse("wagtailadmin_pages:add", args=["resources", "resourcepage", camden.pk])).status_code == 200
    )


def test_lead_cannot_move_into_or_out_of_another_publisher(client, camden_lead, ours, theirs, hackney, camden):
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[ours.pk, hackney.pk]))
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[theirs.pk, camden.pk]))
    assert Page.objects.get(pk=ours.pk).get_parent().pk == camden.pk
    assert Page.objects.get(pk=theirs.pk).get_parent().pk == hackney.pk


def test_lead_cannot_delete_or_unpublish_another_publishers_resource(client, camden_lead, theirs):
    client.post(reverse("wagtailadmin_pages:delete", args=[theirs.pk]))
    client.post(reverse("wagtailadmin_pages:unpublish", args=[theirs.pk]))
    theirs.refresh_from_db()
    assert theirs.live


def test_lead_cannot_publish_another_publishers_resource_in_bulk(client, camden_lead, theirs):
    theirs.save_revision().publish()
    theirs.title = "Draft change"
    theirs.save_revision()
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={theirs.pk}"
    client.post(url)
    client.post(reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"]) + f"?id={theirs.pk}")
    page = ResourcePage.objects.get(pk=theirs.pk)
    assert page.title != "Draft change" and page.has_unpublished_changes


def test_untrusted_lead_cannot_publish_own_work_but_can_submit_it(client, camden_lead, ours):
    url = reverse("wagtailadmin_pages:edit", args=[ours.pk])
    client.post(url, resource_form_data(ours, title="Published by lead?", action="action-publish"))
    assert ResourcePage.objects.get(pk=ours.pk).title != "Published by lead?"
    client.post(url, resource_form_data(ours, title="Submitted for review", action="action-submit"))
    state = WorkflowState.objects.get(object_id=str(ours.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Cross-borough review"


def test_trusted_lead_publishes_directly_and_losing_trust_removes_it(client, camden_lead, ours, camden):
    access = camden.access
    access.trusted = True
    access.save()
    url = reverse("wagtailadmin_pages:edit", args=[ours.pk])
    client.post(url, resource_form_data(ours, title="Published by trusted lead", action="action-publish"))
    assert ResourcePage.objects.get(pk=ours.pk).title == "Published by trusted lead"
    access.trusted = False
    access.save()
    client.post(url, resource_form_data(ours, title="Not any more", action="action-publish"))
    assert ResourcePage.objects.get(pk=ours.pk).title == "Published by trusted lead"


def test_lead_cannot_make_their_own_publisher_trusted(client, camden_lead, camden):
    url = reverse("publisher_access:edit", args=[camden.access.pk])
    client.post(url, {"trusted": "on"})
    camden.access.refresh_from_db()
    assert not camden.access.trusted


def test_coordinator_makes_a_publisher_trusted(client, camden):
    client.force_login(coordinator())
    response = client.post(reverse("publisher_access:edit", args=[camden.access.pk]), {"trusted": "on"})
    assert response.status_code == 302
    camden.access.refresh_from_db()
    assert camden.access.trusted


def test_lead_uploads_only_into_their_own_collection(client, camden_lead, camden, hackney):
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = reverse("wagtaildocs:add")
    for publisher in (camden, hackney):
        client.post(
            url,
            {
                "title": f"Template for {publisher.title}",
                "collection": publisher.access.collection.pk,
                "file": SimpleUploadedFile("template.txt", b"A plain template."),
            },
        )
    # With one permitted collection Wagtail files every upload there, whatever collection is posted.
    documents = get_document_model().objects
    assert documents.filter(collection=camden.access.collection).count() == 2
    assert not documents.filter(collection=hackney.access.collection).exists()


def test_lead_cannot_change_another_publishers_document(client, camden_lead, hackney):
    document = get_document_model().objects.create(title="Hackney's template", collection=hackney.access.collection)
    client.post(reverse("wagtaildocs:edit", args=[document.pk]), {"title": "Taken over"})
    document.refresh_from_db()
    assert document.title == "Hackney's template"


def test_network_member_has_no_admin_access(client):
    client.force_login(member())
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_coordinator_approves_a_submission(client, camden_lead, ours):
    client.post(
        reverse("wagtailadmin_pages:edit", args=[ours.pk]),
        resource_form_data(ours, title="Approved title", action="action-submit"),
    )
    task_state = WorkflowState.objects.get(object_id=str(ours.pk)).current_task_state
    client.force_login(coordinator())
    url = reverse("wagtailadmin_pages:workflow_action", args=[ours.pk, "approve", task_state.pk])
    assert client.post(url).status_code == 302
    assert ResourcePage.objects.get(pk=ours.pk).title == "Approved title"


def test_approving_from_the_editor_says_published_not_updated(client, camden_lead, ours):
    client.post(
        reverse("wagtailadmin_pages:edit", args=[ours.pk]),
        resource_form_data(ours, title="Approved in the editor", action="action-submit"),
    )
    client.force_login(coordinator())
    data = resource_form_data(ours, title="Approved in the editor", action="action-workflow-action")
    data["workflow-action-name"] = "approve"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[ours.pk]), data, follow=True)
    page = response.content.decode()
    assert "&#x27;Approved in the editor&#x27; has been approved and published." in page
    assert "has been updated" not in page
    assert ResourcePage.objects.get(pk=ours.pk).live


def test_deleting_a_publisher_with_resources_is_refused(admin_client, camden, ours):
    response = admin_client.post(reverse("wagtailadmin_pages:delete", args=[camden.pk]), follow=True)
    assert BoroughPage.objects.filter(pk=camden.pk).exists()
    assert "cannot be deleted: it publishes 1 resource" in response.content.decode()
    admin_client.post(reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"]) + f"?id={camden.pk}")
    assert BoroughPage.objects.filter(pk=camden.pk).exists()


def test_deleting_a_publisher_without_resources_is_allowed(admin_client, hackney):
    admin_client.post(reverse("wagtailadmin_pages:delete", args=[hackney.pk]))
    assert not BoroughPage.objects.filter(pk=hackney.pk).exists()


def test_requested_changes_reach_the_lead_by_email_with_the_comment(client, ours, mailoutbox):
    lead = lead_of("Camden")
    client.force_login(lead)
    client.post(reverse("wagtailadmin_pages:edit", args=[ours.pk]), resource_form_data(ours, action="action-submit"))
    task_state = WorkflowState.objects.get(object_id=str(ours.pk)).current_task_state
    client.force_login(coordinator())
    url = reverse("wagtailadmin_pages:workflow_action", args=[ours.pk, "reject", task_state.pk])
    client.post(url, {"comment": "Please add the escalation route."})
    to_lead = [message for message in mailoutbox if lead.email in message.to]
    assert to_lead and "Please add the escalation route." in to_lead[-1].body
    # "Rejected" is Wagtail's word; for a lead it is a request for changes.
    assert all("rejected" not in (m.subject + m.body).lower() for m in to_lead)
    assert any(m.subject.startswith("Changes requested:") for m in to_lead)
    assert "submit it again" in to_lead[-1].body
    assert ResourcePage.objects.get(pk=ours.pk).title == "Camden core group guide"


def test_lead_cannot_copy_into_another_publisher(client, camden_lead, ours, hackney, camden):
    url = reverse("wagtailadmin_pages:copy", args=[ours.pk])
    client.post(url, {"new_title": "Planted copy", "new_slug": "planted-copy", "new_parent_page": hackney.pk})
    assert not ResourcePage.objects.descendant_of(hackney).filter(slug="planted-copy").exists()
    # The same form into their own publisher works, so the refusal above is the permission.
    client.post(url, {"new_title": "Own copy", "new_slug": "own-copy", "new_parent_page": camden.pk})
    assert ResourcePage.objects.descendant_of(camden).filter(slug="own-copy").exists()
