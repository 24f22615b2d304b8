"""Two leads editing one resource: both saves are kept as revisions, and the editing session tells the
second lead that someone else has saved a newer version (Wagtail's warning in the editor)."""

import pytest
from django.urls import reverse
from wagtail.models import Revision

from tests.factories import ResourcePageFactory
from tests.resources.admin_helpers import lead_of, resource_form_data

pytestmark = pytest.mark.django_db


def test_both_saves_are_kept_and_the_second_editor_is_warned(client, camden):
    page = ResourcePageFactory(parent=camden, title="Shared chronology guide")
    loaded = page.save_revision()
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    first, second = lead_of("Camden", "first"), lead_of("Camden", "second")
    client.force_login(first)
    client.post(url, resource_form_data(page, summary="First lead's summary."))

    client.force_login(second)
    ping = reverse("wagtailadmin_editing_sessions:ping", args=["wagtailcore", "page", page.pk, 0])
    data = client.post(
        ping, {"revision_id": loaded.pk, "revision_created_at": loaded.created_at.isoformat(), "is_editing": "1"}
    ).json()
    newer = [session for session in data["other_sessions"] if session["revision_id"]]
    assert [session["user"] for session in newer] == ["first"]
    assert "first saved a new version" in data["html"]
    client.post(url, resource_form_data(page, summary="Second lead's summary."))

    summaries = [r.as_object().summary for r in Revision.page_revisions.filter(object_id=str(page.pk))]
    assert "First lead's summary." in summaries and "Second lead's summary." in summaries
