"""Tag names used only on drafts or members-only resources never reach a reader who may not read those:
not through spelling help, related topics, typeahead, co-occurring or popular tags, chosen filters or
tag pages (which answer exactly as for a tag that does not exist)."""

import pytest
from taggit.models import Tag

from resources.services.visibility import set_members_only
from search.models import TagRedirect
from tests.factories import ResourcePageFactory
from tests.resources.admin_helpers import member

pytestmark = pytest.mark.django_db

PUBLIC = "Strategy meetings"
DRAFT_ONLY = "Quokkaplanning"  # synthetic words no live public resource uses
MEMBERS_ONLY = "Wombatreview"


@pytest.fixture
def tagged(camden):
    public = ResourcePageFactory(parent=camden, title="Synthetic public guidance", tags=[PUBLIC])
    draft = ResourcePageFactory(parent=camden, title="Synthetic draft", live=False, tags=[DRAFT_ONLY, PUBLIC])
    draft.save_revision()
    members = ResourcePageFactory(parent=camden, title="Synthetic members guidance", tags=[MEMBERS_ONLY, PUBLIC])
    set_members_only(members, True)
    return public, draft, members


def slug(name: str) -> str:
    return Tag.objects.get(name=name).slug


def vocabulary_routes(names: tuple[str, ...] = (DRAFT_ONLY, MEMBERS_ONLY)) -> list[tuple[str, str]]:
    """(url, what must not appear) for every route that shows tag names, for each hidden tag.

    Asked by misspelling or prefix, the whole word must not come back in any case; asked by slug
    (which the page may echo as typed), the tag's own name, capitalised as written, must not.
    """
    routes = []
    for name in names:
        s = slug(name)
        misspelt = name[:-2].lower() + name[-1].lower()  # one letter dropped
        for url in (
            f"/search/?q={misspelt}",  # Did you mean
            f"/search/?q={misspelt}&format=json",
            f"/search/?q={name[:6]}",  # Related topics when nothing matches
            f"/search/?q={name[:6]}&format=json",
            f"/search/suggest/?q={name[:5]}",  # typeahead
            f"/tags/{slug(PUBLIC)}/",  # co-occurring topics
            f"/tags/{slug(PUBLIC)}/?format=json",
            "/",  # popular tags
        ):
            routes.append((url, name.lower()))
        for url in (
            f"/search/?tag={s}",  # a chosen filter's label
            f"/search/?tag={s}&format=json",
            f"/search/?exclude_tag={s}",
            f"/resources/?tag={s}",
        ):
            routes.append((url, name))
    return routes


def test_anonymous_readers_never_see_hidden_tag_names(client, tagged):
    for url, needle in vocabulary_routes():
        response = client.get(url)
        assert response.status_code in (200, 404), url
        text = response.content.decode()
        assert needle not in (text.lower() if needle.islower() else text), url


def test_a_member_sees_members_only_topics_but_never_draft_ones(client, tagged):
    client.force_login(member("synthetic-member"))
    for url, needle in vocabulary_routes((DRAFT_ONLY,)):
        text = client.get(url).content.decode()
        assert needle not in (text.lower() if needle.islower() else text), url
    assert MEMBERS_ONLY in client.get(f"/tags/{slug(PUBLIC)}/").content.decode()
    assert client.get(f"/tags/{slug(MEMBERS_ONLY)}/").status_code == 200


@pytest.mark.parametrize("suffix", ["", "?q=guidance", "?format=json", "?q=guidance&format=json", "?page=2"])
def test_a_tag_only_hidden_resources_carry_answers_like_an_unknown_tag(client, tagged, suffix):
    unknown = client.get(f"/tags/no-such-synthetic-tag/{suffix}")
    assert unknown.status_code == 404
    for name in (DRAFT_ONLY, MEMBERS_ONLY):
        response = client.get(f"/tags/{slug(name)}/{suffix}")
        assert response.status_code == unknown.status_code, (name, suffix)
        assert name.lower() not in response.content.decode().lower()


def test_an_old_address_of_a_hidden_tag_answers_like_an_unknown_tag(client, tagged):
    TagRedirect.objects.create(old_slug="old-synthetic-slug", tag=Tag.objects.get(name=DRAFT_ONLY))
    response = client.get("/tags/old-synthetic-slug/")
    assert response.status_code == 404
    TagRedirect.objects.create(old_slug="old-public-slug", tag=Tag.objects.get(name=PUBLIC))
    assert client.get("/tags/old-public-slug/").status_code == 301


def test_a_hidden_tag_as_a_filter_is_left_out_like_an_unknown_one(client, tagged):
    for name in (DRAFT_ONLY, MEMBERS_ONLY):
        hidden = client.get(f"/search/?tag={slug(name)}&format=json").json()
        unknown = client.get("/search/?tag=no-such-synthetic-tag&format=json").json()
        hidden.pop("took_ms"), unknown.pop("took_ms")
        assert hidden == unknown
