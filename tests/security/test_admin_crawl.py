"""A borough lead crawls every admin GET route and never reads another borough's drafts.

Hackney has an unpublished resource (with a tag only it uses, an attachment, a revision in review),
and there is an unpublished event; each carries a marker word in its title, slug or name. Signed in
as a Camden lead, the crawler requests every admin route in the URL configuration with those
objects' ids filled in (and as search terms and bulk-action ids) and looks for the marker in every
answer. A refusal (403, 404, a redirect elsewhere) is fine; the marker anywhere is not.
"""

import datetime

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Task
from wagtail.rich_text import RichText

from audits.enums import Participation
from audits.models import AuditRound, RoundBorough
from audits.services.returns import new_return, save_draft
from audits.services.versions import version_for_round
from tests.audits.conftest import make_tool
from tests.factories import EventPageFactory, ResourcePageFactory
from tests.resources.admin_helpers import coordinator, lead_of
from tests.security.admin_crawl import admin_routes, fill

pytestmark = pytest.mark.django_db

SEARCH_WORD = "quillfeather"  # what the crawler types; never counted as a leak
MARKER = "zqxmarker"  # only in the hidden objects: any answer holding it leaks them


@pytest.fixture
def hidden(hackney, camden):
    """Hackney's draft in review with a tag and attachment of its own, and a draft event."""
    document = get_document_model().objects.create(
        title=f"{SEARCH_WORD} {MARKER} attachment", collection=hackney.access.collection
    )
    document.file.save(f"{MARKER}.txt", ContentFile(b"Synthetic text"))
    draft = ResourcePageFactory(
        parent=hackney, title=f"{SEARCH_WORD} {MARKER} draft", slug=f"{MARKER}-draft", live=False
    )
    draft.tags.add(f"{SEARCH_WORD} {MARKER}")
    draft.attachments.create(document=document)
    draft.save()
    revision = draft.save_revision(user=coordinator("synthetic-reviewer"))
    workflow_state = draft.get_workflow().start(draft, revision.user)
    event = EventPageFactory(title=f"{SEARCH_WORD} {MARKER} event", slug=f"{MARKER}-event", live=False)
    event.save_revision()
    # Camden's own page links to both (linked while they were live, or by a coordinator).
    linking = ResourcePageFactory(
        parent=camden,
        title="Synthetic Camden page with links",
        body=[
            (
                "paragraph",
                RichText(
                    f'<p><a linktype="page" id="{draft.pk}">see</a> and <a linktype="page" id="{event.pk}">this</a></p>'
                ),
            )
        ],
    )
    linking.related_resources.create(resource=draft)
    linking.save_revision().publish()
    # Hackney's case audit: a draft return whose free text carries the marker.
    audit_round = AuditRound.objects.create(
        title="Synthetic round",
        slug="synthetic-round",
        version=version_for_round(make_tool()),
        opens_on=datetime.date.today(),
        closes_on=datetime.date.today() + datetime.timedelta(days=9),
    )
    RoundBorough.objects.create(round=audit_round, borough=hackney, letter="Q", status=Participation.ACCEPTED)
    audit_return = new_return(audit_round, hackney)
    assert save_draft(audit_return, {"s47-06": f"Practice note {MARKER}"}) == []
    return {
        "audit_round": audit_round,
        "audit_return": audit_return,
        "draft": draft,
        "event": event,
        "document": document,
        "revision": revision,
        "workflow_state": workflow_state,
        "task_state": workflow_state.current_task_state,
        "hackney": hackney,
        "camden": camden,
        "linking": linking,
    }


def candidate_values(hidden) -> dict[str, list[str]]:
    pages = [str(hidden["draft"].pk), str(hidden["event"].pk), str(hidden["linking"].pk)]
    anything = [*pages, str(hidden["document"].pk), str(hidden["hackney"].pk), str(hidden["audit_return"].pk)]
    task = Task.objects.get(pk=hidden["task_state"].task_id)
    return {
        **dict.fromkeys(["page_id", "parent_page_id", "page_to_move_id", "page_pk"], pages),
        **dict.fromkeys(["pk", "object_id", "collection_id", "redirect_id", "query_id"], anything),
        **{name: [str(hidden["document"].pk)] for name in ("document_id", "doc_id", "image_id")},
        **{name: [str(hidden["revision"].pk)] for name in ("revision_id", "revision_id_a")},
        "revision_id_b": ["latest"],
        "task_state_id": [str(hidden["task_state"].pk)],
        "task_id": [str(task.pk)],
        "workflow_state_id": [str(hidden["workflow_state"].pk)],
        "workflow_pk": [str(hidden["workflow_state"].workflow_id)],
        "destination_id": [str(hidden["camden"].pk)],
        "session_id": ["1"],
        "uploaded_file_id": ["1"],
        "app_label": ["wagtailcore", "resources"],
        "model_name": ["page", "resourcepage"],
        "app_name": ["resources"],
        "action": ["delete", "publish", "unpublish", "move"],
        "action_name": ["approve", "reject", "copy"],
        "content_type_app_name": ["resources", "events"],
        "content_type_model_name": ["resourcepage", "eventpage"],
        "filter_spec": ["original"],
        "round_pk": [str(hidden["audit_round"].pk)],
        "borough": ["hackney", "camden"],
        "fmt": ["csv", "xlsx"],
    }


def query_strings(url: str, hidden) -> list[str]:
    if url.startswith("/admin/api/"):
        # The API answers 400 to parameters it does not know, so each is asked on its own.
        return ["", f"?search={SEARCH_WORD}", "?fields=*", f"?child_of={hidden['hackney'].pk}"]
    ids = f"id={hidden['draft'].pk}&id={hidden['event'].pk}"
    return ["", f"?q={SEARCH_WORD}&term={SEARCH_WORD}&{ids}"]


def body(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return (content.decode("utf-8", "replace") + response.get("Location", "")).lower()


def crawl(client, hidden) -> tuple[list[str], list[str]]:
    client.raise_request_exception = False  # a 500 is a finding to list, not the end of the crawl
    values = candidate_values(hidden)
    leaks, errors = [], []
    for route in admin_routes():
        for url in fill(route, values):
            for query in query_strings(url, hidden):
                response = client.get(url + query)
                if response.status_code >= 500:
                    errors.append(f"{response.status_code} {url}{query}")
                elif MARKER in body(response):
                    leaks.append(f"{response.status_code} {url}{query}")
    return leaks, errors


def test_every_admin_route_can_be_filled(hidden):
    values = candidate_values(hidden)
    unfilled = [r.pattern for r in admin_routes() if any(name not in values for name in r.params)]
    assert not unfilled, "name values for these routes' parameters in candidate_values: " + ", ".join(unfilled)


def test_a_lead_crawling_the_admin_never_reads_another_boroughs_drafts(client, hidden):
    client.force_login(lead_of("Camden", "synthetic-camden-lead"))
    leaks, errors = crawl(client, hidden)
    assert not leaks, "\n".join(leaks)
    assert not errors, "\n".join(errors)


def test_the_crawl_would_see_the_marker_where_it_may_be_shown(client, hidden):
    """The same crawl as a coordinator finds the drafts, so a quiet crawl means hidden, not unreached."""
    client.force_login(coordinator("synthetic-coordinator"))
    for url in (
        f"/admin/pages/search/?q={SEARCH_WORD}",
        f"/admin/bulk/wagtailcore/page/delete/?id={hidden['draft'].pk}",
        "/admin/api/main/documents/",
        f"/admin/tag-autocomplete/?term={SEARCH_WORD}",
    ):
        assert MARKER in body(client.get(url)), url
