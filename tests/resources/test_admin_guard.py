"""The personal-data guard in the editor: warnings on save, publication and approval refused while
high-confidence findings remain; a clear identifier is never let through, whoever gives a reason."""

import io

import docx
import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import PageLogEntry, WorkflowState

from resources.models import ResourcePage
from resources.models.workflow import OVERRIDE_ACTION, OVERRIDE_LOG_ACTION
from resources.services.doc_metadata import docx_metadata
from resources.services.page_guard import GuardedContent, mask_name, scan_content, scan_page
from tests.factories import ResourcePageFactory
from tests.resources.admin_helpers import coordinator, lead_of, resource_form_data

pytestmark = pytest.mark.django_db

# A synthetic NHS number from the 999 test range (valid check digit).
UNSAFE_SUMMARY = "Chronology example: NHS number 999 012 6704 recorded on the referral."


@pytest.fixture
def ours(camden):
    return ResourcePageFactory(parent=camden, title="Camden chronology guide")


def live(page):
    return ResourcePage.objects.get(pk=page.pk)


def test_saving_a_draft_with_findings_keeps_the_work_and_shows_them_masked(client, ours):
    client.force_login(lead_of("Camden"))
    url = reverse("wagtailadmin_pages:edit", args=[ours.pk])
    assert client.post(url, resource_form_data(ours, summary=UNSAFE_SUMMARY)).status_code == 302
    page = client.get(url).content.decode()
    assert "Personal-data check" in page and "Must remove" in page
    assert "999 012 6704" not in page.split("Personal-data check", 1)[1].split("</section>", 1)[0]


def test_publishing_with_a_high_finding_is_refused_with_the_reason(client, ours):
    client.force_login(coordinator())
    url = reverse("wagtailadmin_pages:edit", args=[ours.pk])
    response = client.post(url, resource_form_data(ours, summary=UNSAFE_SUMMARY, action="action-publish"))
    assert response.status_code == 200
    assert "looks like it contains personal data" in response.content.decode()
    assert live(ours).summary != UNSAFE_SUMMARY
    assert not PageLogEntry.objects.filter(page=ours, action=OVERRIDE_LOG_ACTION).exists()


def test_a_coordinators_reason_never_lets_a_clear_identifier_through(client, ours):
    # The override policy (resources.services.page_guard.CLEAR_IDENTIFIERS): an NHS number is
    # removed, never overridden; names and addresses may be acknowledged (test_guard_override_policy).
    client.force_login(coordinator())
    url = reverse("wagtailadmin_pages:edit", args=[ours.pk])
    reason = "The number is the NHS's published test example, used to show the format."
    response = client.post(
        url,
        resource_form_data(ours, summary=UNSAFE_SUMMARY, guard_override_reason=reason, action="action-publish"),
    )
    assert "can never be let through" in response.content.decode()
    assert live(ours).summary != UNSAFE_SUMMARY
    assert not PageLogEntry.objects.filter(page=ours, action=OVERRIDE_LOG_ACTION).exists()


def test_a_trusted_lead_cannot_override(client, ours, camden):
    camden.access.trusted = True
    camden.access.save()
    client.force_login(lead_of("Camden"))
    client.post(
        reverse("wagtailadmin_pages:edit", args=[ours.pk]),
        resource_form_data(ours, summary=UNSAFE_SUMMARY, guard_override_reason="I am sure", action="action-publish"),
    )
    assert live(ours).summary != UNSAFE_SUMMARY


def test_clean_content_publishes_without_any_override(client, ours):
    client.force_login(coordinator())
    client.post(
        reverse("wagtailadmin_pages:edit", args=[ours.pk]),
        resource_form_data(ours, summary="How to build a chronology.", action="action-publish"),
    )
    assert live(ours).summary == "How to build a chronology."


def _submitted(client, page, summary):
    """A draft in moderation whose latest revision has ``summary``.

    The editor refuses to submit a draft with must-remove findings, so an unsafe draft reaches
    a moderator only when the check changes after submission (a newly read attachment, a
    stricter detector): started here through the workflow itself, as Wagtail does on submit.
    """
    lead = lead_of("Camden")
    page.summary = summary
    page.save_revision(user=lead)
    page.get_workflow().start(page, lead)
    return WorkflowState.objects.get(object_id=str(page.pk)).current_task_state


@pytest.mark.parametrize(
    ("action", "changes_requested"),
    [("action-submit", False), ("action-submit", True), ("action-restart-workflow", True)],
    ids=["first submission", "resubmission after changes requested", "restarted workflow"],
)
def test_submitting_for_moderation_with_a_high_finding_is_refused(client, ours, action, changes_requested):
    lead = lead_of("Camden")
    if changes_requested:  # a clean draft went to moderation and came back with changes requested
        ours.save_revision(user=lead)
        ours.get_workflow().start(ours, lead)
        task_state = WorkflowState.objects.get(object_id=str(ours.pk)).current_task_state
        task_state.task.specific.on_action(task_state, coordinator(), "reject")
    states = list(WorkflowState.objects.filter(object_id=str(ours.pk)).values_list("pk", "status"))
    client.force_login(lead)
    url = reverse("wagtailadmin_pages:edit", args=[ours.pk])
    response = client.post(url, resource_form_data(ours, summary=UNSAFE_SUMMARY, action=action))
    body = response.content.decode()
    assert response.status_code == 200
    assert "cannot be submitted for moderation" in body and "submitted for moderation." not in body
    assert list(WorkflowState.objects.filter(object_id=str(ours.pk)).values_list("pk", "status")) == states
    assert not ours.revisions.filter(content__summary=UNSAFE_SUMMARY).exists()


def test_submitting_a_new_page_with_a_high_finding_is_refused(client, camden):
    from tests.factories import ResourcePageFactory as Factory

    client.force_login(lead_of("Camden"))
    draft = Factory.build(slug="new-unsafe", title="New unsafe draft")
    url = reverse("wagtailadmin_pages:add", args=["resources", "resourcepage", camden.pk])
    response = client.post(url, resource_form_data(draft, summary=UNSAFE_SUMMARY, action="action-submit"))
    assert response.status_code == 200 and "cannot be submitted for moderation" in response.content.decode()
    assert not ResourcePage.objects.filter(slug="new-unsafe").exists()


def test_submitting_clean_content_still_starts_moderation(client, ours):
    client.force_login(lead_of("Camden"))
    url = reverse("wagtailadmin_pages:edit", args=[ours.pk])
    client.post(url, resource_form_data(ours, summary="How to build a chronology.", action="action-submit"))
    assert WorkflowState.objects.filter(object_id=str(ours.pk), status=WorkflowState.STATUS_IN_PROGRESS).exists()


def test_approval_of_a_clear_identifier_offers_only_request_changes(client, ours):
    task_state = _submitted(client, ours, UNSAFE_SUMMARY)
    user = coordinator()
    client.force_login(user)
    assert [name for name, *_ in task_state.task.specific.get_actions(ours, user)] == ["reject"]
    approve = reverse("wagtailadmin_pages:workflow_action", args=[ours.pk, "approve", task_state.pk])
    assert client.post(approve).status_code in (302, 403)
    assert live(ours).summary != UNSAFE_SUMMARY
    override = reverse("wagtailadmin_pages:workflow_action", args=[ours.pk, OVERRIDE_ACTION, task_state.pk])
    client.post(override, {"override_reason": "Published test-range number, not a child's."})
    assert live(ours).summary != UNSAFE_SUMMARY
    assert not PageLogEntry.objects.filter(page=ours, action=OVERRIDE_LOG_ACTION).exists()


def test_approving_from_the_editor_is_refused_while_findings_remain(client, ours):
    task_state = _submitted(client, ours, UNSAFE_SUMMARY)
    client.force_login(coordinator())
    data = resource_form_data(ours, summary=UNSAFE_SUMMARY, action="action-workflow-action")
    data["workflow-action-name"] = "approve"
    client.post(reverse("wagtailadmin_pages:edit", args=[ours.pk]), data)
    assert live(ours).summary != UNSAFE_SUMMARY
    task_state.refresh_from_db()
    assert task_state.status == task_state.STATUS_IN_PROGRESS


def test_bulk_publish_is_refused_while_findings_remain(admin_client, ours):
    ours.summary = UNSAFE_SUMMARY
    ours.save_revision()
    admin_client.post(reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={ours.pk}")
    assert live(ours).summary != UNSAFE_SUMMARY


def _docx_with_hidden_people() -> bytes:
    document = docx.Document()
    document.core_properties.author = "Pat Example"
    document.core_properties.last_modified_by = "Sam Sample"
    paragraph = document.add_paragraph("A template for core group minutes.")
    document.add_comment(paragraph.runs, text="Child's NHS number 999 012 6704 goes here", author="Reviewer Person")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_metadata_reports_authors_and_comments():
    metadata = docx_metadata(_docx_with_hidden_people())
    assert metadata["author"] == "Pat Example"
    assert metadata["last_modified_by"] == "Sam Sample"
    assert metadata["comment_authors"] == ["Reviewer Person"]
    assert "999 012 6704" in metadata["comments_text"]


def test_docx_tracked_changes_are_read():
    raw = _docx_with_hidden_people()
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(
                    b"</w:body>",
                    b'<w:p><w:del w:id="9" w:author="Editor Person" w:date="2026-01-01T00:00:00Z"><w:r>'
                    b"<w:delText>DOB 01/02/2019</w:delText></w:r></w:del></w:p></w:body>",
                )
            target.writestr(item, data)
    metadata = docx_metadata(out.getvalue())
    assert metadata["revision_authors"] == ["Editor Person"] and metadata["revision_count"] == 1
    assert "DOB 01/02/2019" in metadata["revisions_text"]


def test_attachment_metadata_findings_are_masked_and_comment_text_blocks(ours):
    from resources.services.extraction import extract_document_text

    document = get_document_model().objects.create(title="Minutes template")
    document.file.save("minutes.docx", ContentFile(_docx_with_hidden_people()))
    extract_document_text(document)
    document.refresh_from_db()
    findings = scan_content(GuardedContent(title="Minutes", documents=[document]))
    described = [f.describe() for f in findings]
    assert any("(author)" in d and "P** E******" in d for d in described)
    assert any("(comment author)" in d for d in described)
    assert any(f.blocks and "(comments)" in f.location for f in findings)
    assert not any("Pat Example" in d or "6704" in d.replace("*", "") for d in described)


def test_scan_page_reads_tags_and_contact(ours):
    ours.tags.add("call 07700 900123")
    ours.contact_email = "someone@gmail.com"
    locations = {finding.location for finding in scan_page(ours)}
    assert {"Tag", "Contact"} <= locations


def test_mask_name():
    assert mask_name("Pat Example") == "P** E******"
