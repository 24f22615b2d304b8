"""Nothing personal or members-only reaches the cache, and nothing cached reaches a member."""

import pytest

from resources.services.visibility import set_members_only
from tests.caching.helpers import state
from tests.factories import ResourcePageFactory
from tests.resources.admin_helpers import lead_of, member

pytestmark = pytest.mark.django_db

SECRET = "Members-only escalation guide"


@pytest.fixture
def restricted(camden):
    page = ResourcePageFactory(parent=camden, title=SECRET, tags=["escalation"])
    set_members_only(page, True)
    return page


def test_a_members_page_fetched_by_a_member_is_never_served_to_an_anonymous_visitor(
    page_cache, client, anonymous, restricted
):
    client.force_login(member())
    for url in (restricted.url, "/resources/", "/boroughs/camden/", "/search/?q=escalation&format=json"):
        seen = client.get(url)
        assert seen.status_code == 200 and SECRET in seen.content.decode(), url
        assert state(seen) == ""
        assert "private" in seen["Cache-Control"]
        for _ in range(2):
            response = anonymous.get(url)
            assert SECRET not in response.content.decode(), url
    assert anonymous.get(restricted.url).status_code == 302  # to sign in


def test_an_anonymous_cached_page_is_never_served_to_a_member(page_cache, client, anonymous, restricted):
    for _ in range(2):
        cached = anonymous.get("/resources/")
    assert state(cached) == "hit" and SECRET not in cached.content.decode()
    client.force_login(member())
    mine = client.get("/resources/")
    assert state(mine) == "" and SECRET in mine.content.decode()


def test_making_a_page_members_only_takes_it_out_of_the_cache_at_once(page_cache, anonymous, camden):
    page = ResourcePageFactory(parent=camden, title=SECRET)
    for _ in range(2):
        assert SECRET in anonymous.get(page.url).content.decode()
        assert SECRET in anonymous.get("/resources/").content.decode()
    set_members_only(page, True)
    assert anonymous.get(page.url).status_code == 302
    assert SECRET not in anonymous.get("/resources/").content.decode()


def test_signed_in_users_never_get_or_replace_a_cached_page(page_cache, client, anonymous, restricted):
    anonymous.get("/")
    assert state(anonymous.get("/")) == "hit"
    client.force_login(lead_of("Camden"))
    for _ in range(2):
        response = client.get("/")
        assert state(response) == ""
    assert state(anonymous.get("/")) == "hit"  # the lead's visit did not replace the anonymous copy
