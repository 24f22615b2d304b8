"""core.routing: the whole URL routed in two queries, with exactly Wagtail's answers."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction

from resources.services.visibility import set_members_only
from tests.factories import EventPageFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db


def wagtail_route(home, path: str):
    """Wagtail's own level-by-level routing from the home page, for comparison."""
    return _answer(lambda request, parts: Page.route(home, request, parts), path)


def our_route(home, path: str):
    return _answer(home.route, path)


def _answer(route, path: str):
    request = RequestFactory().get(path)
    request.user = AnonymousUser()
    try:
        result = route(request, [part for part in path.split("/") if part])
    except Http404:
        return "404"
    page, args, kwargs = result
    view = args[0].__func__.__name__ if args else None  # a routable page's sub-view
    return type(page).__name__, page.pk, view, args[1:] if args else (), kwargs


@pytest.fixture
def tree(camden, hackney):
    resource = ResourcePageFactory(title="Chronology template", parent=camden)
    draft = ResourcePageFactory(title="Unfinished draft", parent=camden, live=False)
    ResourcePageFactory(title="Chronology template", parent=hackney)  # the same slug elsewhere
    feed_slug = EventPageFactory(title="Feed", slug="feed")  # clashes with the listing's own feed/ route
    event = EventPageFactory(title="Practice day")
    return {"resource": resource, "draft": draft, "event": event, "feed_slug": feed_slug}


PATHS = [
    "/",
    "/boroughs/",
    "/boroughs/camden/",
    "/boroughs/camden/chronology-template/",
    "/boroughs/hackney/chronology-template/",
    "/boroughs/camden/unfinished-draft/",
    "/boroughs/camden/chronology-template/extra/",
    "/boroughs/atlantis/",
    "/boroughs/atlantis/chronology-template/",
    "/nowhere/",
    "/resources/",
    "/events/",
    "/events/feed/",
    "/events/practice-day/",
    "/events/practice-day/book/",
    "/events/practice-day/calendar/",
    "/events/practice-day/nothing-here/",
    "/events/booking/some-token/",
    "/accessibility/",
]


@pytest.mark.parametrize("path", PATHS)
def test_every_path_gets_wagtails_own_answer(home, tree, path):
    assert our_route(home, path) == wagtail_route(home, path)


def test_a_draft_publisher_still_serves_its_live_resources_as_wagtail_does(home, tree, camden):
    camden.live = False
    camden.save(update_fields=["live"])
    path = "/boroughs/camden/chronology-template/"
    assert our_route(home, path) == wagtail_route(home, path) != "404"
    assert our_route(home, "/boroughs/camden/") == "404"


def test_a_resource_is_routed_in_two_queries_with_its_publisher(home, tree, django_assert_num_queries):
    request = RequestFactory().get("/")
    home.route(request, ["boroughs", "camden", "chronology-template"])  # warm the content-type cache, as a site's is
    with django_assert_num_queries(2):  # the chain of pages, then the resource joined to its publisher
        page = home.route(request, ["boroughs", "camden", "chronology-template"]).page
        assert page.borough.title == "Camden"
        trail = [ancestor.title for ancestor in page.breadcrumb_ancestors()]
        assert trail == [home.title, "Boroughs and publishers", "Camden"]
    assert page.get_parent().pk == tree["resource"].get_parent().pk


@pytest.mark.parametrize("members_only", [True, False])
def test_view_restrictions_match_wagtails(home, tree, members_only):
    set_members_only(tree["resource"], members_only)
    request = RequestFactory().get("/")
    routed = home.route(request, ["boroughs", "camden", "chronology-template"]).page
    wagtails = set(Page.get_view_restrictions(tree["resource"]).values_list("pk", flat=True))
    assert set(routed.get_view_restrictions().values_list("pk", flat=True)) == wagtails
    assert bool(wagtails) is members_only


def test_restriction_on_a_publisher_covers_its_resources(home, tree, camden):
    restriction = PageViewRestriction.objects.create(page=camden, restriction_type=PageViewRestriction.LOGIN)
    routed = home.route(RequestFactory().get("/"), ["boroughs", "camden", "chronology-template"]).page
    assert list(routed.get_view_restrictions()) == [restriction]


def test_members_only_resource_asks_anonymous_visitors_to_sign_in(client, tree):
    set_members_only(tree["resource"], True)
    response = client.get(tree["resource"].url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_breadcrumbs_come_from_the_routed_chain(client, tree):
    html = client.get(tree["resource"].url).content.decode()
    assert 'href="/boroughs/camden/"' in html and 'href="/boroughs/"' in html
    assert '<li class="govuk-breadcrumbs__list-item" aria-current="page">Chronology template</li>' in html
