"""Personal data an editor removes is starred out of every earlier revision of the resource, so
history, compare, revert and previews cannot show it; what the newest revision still holds stays.

Values are synthetic: an NHS number from the 999 test range, a name pairing a first name with "Sample".
"""

import json

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text, streamfield

from resources.services.revision_redaction import redact_removed_personal_data
from tests.factories import ResourcePageFactory
from tests.resources.admin_helpers import lead_of, resource_form_data

pytestmark = pytest.mark.django_db

NHS = "999 012 6704"


@pytest.fixture
def ours(camden):
    return ResourcePageFactory(parent=camden, title="Camden chronology guide")


def _save(client, page, callbacks, **fields):
    with callbacks(execute=True):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), resource_form_data(page, **fields))
    assert response.status_code == 302


def _stored(page):
    return [json.dumps(r.content) + r.object_str for r in page.revisions.order_by("created_at", "pk")]


def test_removed_values_are_starred_out_of_every_earlier_revision(client, ours, django_capture_on_commit_callbacks):
    client.force_login(lead_of("Camden"))
    body = streamfield([("paragraph", rich_text(f"<p>Seen with NHS number {NHS} on file.</p>"))])
    _save(client, ours, django_capture_on_commit_callbacks, summary=f"Chronology, NHS {NHS}.", body=body)
    _save(client, ours, django_capture_on_commit_callbacks, summary=f"Chronology, NHS {NHS}, v2.", body=body)
    assert all(NHS in stored for stored in _stored(ours))  # still there: nothing was removed yet
    _save(client, ours, django_capture_on_commit_callbacks, summary="Chronology.", body=streamfield([]))
    stored = _stored(ours)
    assert len(stored) == 3
    assert not any(NHS in text or NHS.replace(" ", "") in text for text in stored)
    assert sum("*** *** ****" in text for text in stored) == 2
    for revision in ours.revisions.all():
        revision.as_object().body_text()  # the body is still valid StreamField data


def test_values_the_newest_revision_still_holds_are_kept(client, ours, django_capture_on_commit_callbacks):
    client.force_login(lead_of("Camden"))
    _save(client, ours, django_capture_on_commit_callbacks, summary=f"NHS {NHS}; DOB 03/04/2015.")
    _save(client, ours, django_capture_on_commit_callbacks, summary=f"NHS {NHS}.")
    first = ours.revisions.order_by("created_at", "pk").first()
    assert NHS in first.content["summary"] and "03/04/2015" not in first.content["summary"]


def test_a_name_in_an_earlier_title_is_redacted_from_history_too(client, ours, django_capture_on_commit_callbacks):
    client.force_login(lead_of("Camden"))
    _save(client, ours, django_capture_on_commit_callbacks, title="Oliver Sample chronology")
    _save(client, ours, django_capture_on_commit_callbacks, title="Chronology guide")
    assert not any("Oliver" in text for text in _stored(ours))
    client.get(reverse("wagtailadmin_pages:edit", args=[ours.pk]))  # shows (and so clears) the "saved" message
    history = client.get(reverse("wagtailadmin_pages:history", args=[ours.pk])).content.decode()
    assert "Oliver" not in history


def test_a_single_revision_or_no_change_rewrites_nothing(ours):
    ours.summary = f"NHS {NHS}"
    first = ours.save_revision()
    assert redact_removed_personal_data(first) == 0
    second = ours.save_revision()
    assert redact_removed_personal_data(second) == 0
    assert NHS in first.__class__.objects.get(pk=first.pk).content["summary"]


def test_a_value_removed_earlier_without_redaction_is_caught_at_the_next_save(ours):
    # Revision 1 holds a date of birth and a name; revision 2, saved where no redaction ran (a
    # script, a lost task), has neither; revision 3 is saved normally: the first must lose both.
    ours.summary = "Chronology for Mrs Tester; DOB: twelfth of June 2016."
    first = ours.save_revision()
    ours.summary = "Chronology."
    ours.save_revision()
    ours.summary = "Chronology, second draft."
    third = ours.save_revision()
    assert redact_removed_personal_data(third) == 1
    summary = first.__class__.objects.get(pk=first.pk).content["summary"]
    assert "Tester" not in summary and "twelfth" not in summary and "June 2016" not in summary


def test_every_earlier_revision_holding_a_removed_value_is_redacted(client, ours, django_capture_on_commit_callbacks):
    client.force_login(lead_of("Camden"))
    for summary in (f"NHS {NHS}.", "No numbers here.", f"NHS {NHS} again.", "Chronology, final."):
        ours.summary = summary
        ours.save_revision()  # saved outside the editor: no redaction ran for these
    _save(client, ours, django_capture_on_commit_callbacks, summary="Chronology, final, checked.")
    stored = _stored(ours)
    assert len(stored) == 5 and not any(NHS in text for text in stored)
