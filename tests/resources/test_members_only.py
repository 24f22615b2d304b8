"""Members-only resources never reach anonymous visitors by any route; network members read them."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from resources.models import RelatedResource, ResourcePage
from resources.services.visibility import set_members_only
from resources.tags import popular_tags
from tests.factories import ResourcePageFactory
from tests.resources.admin_helpers import member

pytestmark = pytest.mark.django_db

SECRET_WORD = "Zephyrine"
MARKER = "members briefing"  # in the restricted title, never in a query, so an echoed query cannot match


@pytest.fixture
def network(camden, django_capture_on_commit_callbacks):
    """A public resource and a members-only one with its own tag and attachment, indexed for search."""
    with django_capture_on_commit_callbacks(execute=True):
        public = ResourcePageFactory(parent=camden, title="Public core group guide", tags=["core-groups"])
        restricted = ResourcePageFactory(
            parent=camden, title=f"{SECRET_WORD} members briefing", tags=["core-groups", "members-topic"]
        )
        document = get_document_model().objects.create(title="Briefing slides")
        document.file.save("briefing.txt", ContentFile(b"Slides for members."))
        restricted.attachments.create(document=document)
        restricted.save_revision().publish()
        public.related_resources = [RelatedResource(resource=restricted)]
        public.save_revision().publish()
        set_members_only(restricted, True)
    return {"public": public, "restricted": restricted, "document": document}


def _routes(network):
    return {
        "search": f"/search/?q={SECRET_WORD}",
        "search browse": "/search/?tag=core-groups",
        "search json": f"/search/?q={SECRET_WORD}&format=json",
        "typeahead": f"/search/suggest/?q={SECRET_WORD[:5]}",
        "tag page": "/tags/core-groups/",
        "borough page": network["public"].get_parent().url,
        "listing": "/resources/",
        "home": "/",
        "related on a public page": network["public"].url,
    }


def test_anonymous_visitors_never_see_it(client, network):
    for route, url in _routes(network).items():
        response = client.get(url)
        assert response.status_code == 200, route
        assert MARKER not in response.content.decode(), route
    assert client.get(network["restricted"].url).status_code == 302
    assert client.get("/tags/members-topic/").status_code == 404
    assert "members-topic" not in {tag.slug for tag in popular_tags(50)}


def test_facet_counts_do_not_count_it(client, network):
    data = client.get("/search/?tag=core-groups&format=json").json()
    assert data["total"] == 1


def test_members_see_it_everywhere(client, network):
    client.force_login(member())
    for route in ("search", "search json", "typeahead", "borough page", "listing", "related on a public page"):
        assert MARKER in client.get(_routes(network)[route]).content.decode(), route
    assert client.get(network["restricted"].url).status_code == 200
    assert client.get("/search/?tag=core-groups&format=json").json()["total"] == 2


def test_its_documents_are_not_served_to_anonymous_visitors(client, network):
    url = network["document"].url
    response = client.get(url)
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(member())
    assert client.get(url).status_code == 200


def test_documents_of_public_resources_are_served(client, network):
    document = get_document_model().objects.create(title="Public template")
    document.file.save("template.txt", ContentFile(b"A template."))
    public = ResourcePage.objects.get(pk=network["public"].pk)
    public.attachments.create(document=document)
    public.save_revision().publish()
    assert client.get(document.url).status_code == 200


def test_unattached_documents_are_not_public(client, db):
    document = get_document_model().objects.create(title="Draft attachment")
    document.file.save("draft.txt", ContentFile(b"Not yet published."))
    assert client.get(document.url).status_code == 302


def test_set_members_only_is_idempotent_and_reversible(network):
    restricted = network["restricted"]
    assert not set_members_only(restricted, True)
    assert PageViewRestriction.objects.filter(page=restricted).count() == 1
    assert set_members_only(restricted, False)
    assert not PageViewRestriction.objects.filter(page=restricted).exists()
