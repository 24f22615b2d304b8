"""Another publisher's drafts never show to a lead: not in the explorer, its search, the page chooser
(browse, search, a page's own chooser listing) nor the explorer of the draft itself.
Outside their own subtree a lead sees only live pages; coordinators see everything."""

import pytest

from tests.factories import ResourcePageFactory
from tests.resources.admin_helpers import coordinator, lead_of

pytestmark = pytest.mark.django_db

DRAFT_TITLE = "Synthetic Hackney unpublished draft"
LIVE_TITLE = "Synthetic Hackney live guidance"
OWN_DRAFT = "Synthetic Camden own draft"


@pytest.fixture
def pages(camden, hackney):
    draft = ResourcePageFactory(parent=hackney, title=DRAFT_TITLE, live=False)
    draft.save_revision()
    live = ResourcePageFactory(parent=hackney, title=LIVE_TITLE)
    own = ResourcePageFactory(parent=camden, title=OWN_DRAFT, live=False)
    own.save_revision()
    return {"draft": draft, "live": live, "own": own, "hackney": hackney, "camden": camden}


def listing_routes(pages) -> list[str]:
    hackney, draft = pages["hackney"], pages["draft"]
    parent = hackney.get_parent()
    return [
        f"/admin/pages/{hackney.pk}/",
        f"/admin/pages/{parent.pk}/",
        f"/admin/pages/{hackney.pk}/?q=Synthetic",
        "/admin/pages/search/?q=Synthetic",
        f"/admin/pages/{hackney.pk}/search/?q=Synthetic",
        "/admin/choose-page/",
        f"/admin/choose-page/{hackney.pk}/",
        f"/admin/choose-page/{hackney.pk}/?page_type=resources.resourcepage",
        "/admin/choose-page/search/?q=Synthetic",
        "/admin/choose-page/search/?q=Synthetic&page_type=resources.resourcepage",
        f"/admin/choose-page/{draft.pk}/",
        f"/admin/pages/{draft.pk}/",
        "/admin/api/main/pages/?search=Synthetic",
        f"/admin/api/main/pages/?child_of={hackney.pk}",
        f"/admin/api/main/pages/{draft.pk}/",
        "/admin/",
    ]


def test_a_lead_never_sees_another_publishers_draft(client, pages):
    client.force_login(lead_of("Camden", "synthetic-camden-lead"))
    leaks = []
    for url in listing_routes(pages):
        response = client.get(url)
        assert response.status_code in (200, 302, 400, 403, 404), url
        if DRAFT_TITLE in response.content.decode():
            leaks.append(url)
    assert not leaks, leaks


def test_a_lead_still_finds_live_pages_elsewhere_and_their_own_drafts(client, pages):
    client.force_login(lead_of("Camden", "synthetic-camden-lead"))
    chooser = client.get("/admin/choose-page/search/?q=Synthetic").content.decode()
    assert LIVE_TITLE in chooser and OWN_DRAFT in chooser
    assert LIVE_TITLE in client.get(f"/admin/choose-page/{pages['hackney'].pk}/").content.decode()
    assert OWN_DRAFT in client.get(f"/admin/pages/{pages['camden'].pk}/").content.decode()


def test_a_coordinator_sees_every_draft(client, pages):
    client.force_login(coordinator("synthetic-coordinator"))
    assert DRAFT_TITLE in client.get("/admin/choose-page/search/?q=Synthetic").content.decode()
    assert DRAFT_TITLE in client.get(f"/admin/pages/{pages['hackney'].pk}/").content.decode()
    assert client.get(f"/admin/pages/{pages['draft'].pk}/").status_code == 200
