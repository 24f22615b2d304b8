"""/resources/: newest first, paginated, filtered by borough, type and tag through the URL."""

import datetime

import pytest
from django.utils import timezone

from home.models import HomePageFeatured
from resources.models import Adoption, Audience, BoroughPage, CPStage, RelatedResource, SoSElement
from tests.factories import DocumentFactory, EventPageFactory, ResourcePageFactory


def titles(response) -> list[str]:
    return [r.title for r in response.context["page_obj"]]


@pytest.mark.django_db
class TestResourceListing:
    @pytest.fixture
    def network(self, camden, hackney):
        return {
            "camden_template": ResourcePageFactory(
                title="Strategy meeting record template",
                resource_type="template",
                tags=["recording"],
                published_date=datetime.date(2025, 1, 1),
            ),
            "camden_guidance": ResourcePageFactory(
                title="Risk analysis for conference",
                tags=["risk analysis", "conference reports"],
                published_date=datetime.date(2025, 3, 1),
            ),
            "hackney_tool": ResourcePageFactory(
                title="Three houses guide",
                resource_type="sos-tool",
                parent=hackney,
                tags=["voice of the child"],
                published_date=datetime.date(2024, 5, 1),
            ),
            "draft": ResourcePageFactory(title="Unpublished draft", live=False),
        }

    def test_all_live_resources_newest_first(self, client, network):
        response = client.get("/resources/")
        assert response.status_code == 200
        assert titles(response) == [
            "Risk analysis for conference",
            "Strategy meeting record template",
            "Three houses guide",
        ]

    def test_filter_by_borough(self, client, network):
        assert titles(client.get("/resources/?borough=hackney")) == ["Three houses guide"]

    def test_filter_by_type(self, client, network):
        assert titles(client.get("/resources/?type=template")) == ["Strategy meeting record template"]

    def test_filter_by_tag(self, client, network):
        response = client.get("/resources/?tag=risk-analysis")
        assert titles(response) == ["Risk analysis for conference"]
        assert "tagged “risk analysis”" in response.content.decode()

    def test_values_of_one_filter_combine_with_or_and_filters_with_and(self, client, network):
        assert len(titles(client.get("/resources/?type=template&type=sos-tool"))) == 2
        assert titles(client.get("/resources/?type=template&type=sos-tool&borough=hackney")) == ["Three houses guide"]

    def test_unknown_values_are_left_out_and_the_page_says_which(self, client, network):
        response = client.get("/resources/?type=nonsense")
        assert len(titles(response)) == 3
        assert "type “nonsense”, which is not on the exchange, so it was left out" in response.content.decode()

        response = client.get("/resources/?borough=atlantis&tag=no-such-topic&borough=hackney")
        assert response.status_code == 200
        assert titles(response) == ["Three houses guide"]  # Hackney's, the one known filter
        html = response.content.decode()
        assert "borough “atlantis” and tag “no-such-topic”, which are not on the exchange" in html
        assert "Showing resources from Hackney." in html
        assert "No resources match" not in html

    def test_a_value_nobody_recognises_is_repeated_back_escaped_and_short(self, client, network):
        html = client.get("/resources/?borough=" + "%3Cb%3E" + "x" * 100).content.decode()
        assert "&lt;b&gt;" in html and "<b>x" not in html
        assert "x" * 50 not in html

    def test_known_filters_only_are_the_canonical_address(self, client, network):
        def canonical(url):
            html = client.get(url).content.decode()
            return html.split('rel="canonical" href="', 1)[1].split('"', 1)[0]

        assert canonical("/resources/").endswith("/resources/")
        assert canonical("/resources/?page=1").endswith("/resources/")
        assert canonical("/resources/?tag=no-such-topic&type=template").endswith("/resources/?type=template")
        assert canonical("/resources/?type=template&borough=camden").endswith(
            "/resources/?borough=camden&amp;type=template"
        )

    def test_a_page_number_that_is_not_shown_is_explained(self, client, network, settings):
        settings.RESOURCES_PER_PAGE = 2
        assert (
            "There is no page 9: there are 2 pages, and this is the last."
            in client.get("/resources/?page=9").content.decode()
        )
        assert (
            "“abc” is not a page number, so this is page 1 of 2." in client.get("/resources/?page=abc").content.decode()
        )
        assert "Pages start at 1" in client.get("/resources/?page=0").content.decode()
        # Thousands of digits, or digits of another script, are not a 500.
        assert "There is no page 9999999999" in client.get("/resources/?page=" + "9" * 5000).content.decode()
        assert "is not a page number" in client.get("/resources/?page=\u00b2").content.decode()
        for quiet in ("/resources/", "/resources/?page=1", "/resources/?page=2"):
            assert "govuk-notification-banner" not in client.get(quiet).content.decode(), quiet

    def test_the_address_without_a_slash_is_one_redirect_keeping_the_filters(self, client, network):
        response = client.get("/resources?borough=hackney&page=1")
        assert response.status_code == 301
        assert response["Location"] == "/resources/?borough=hackney&page=1"
        assert client.get(response["Location"]).status_code == 200  # no chain: the next answer is the page

    @pytest.mark.parametrize("page", ["abc", "-1", "999", "1.5", "%00"])
    def test_malformed_page_numbers_still_render(self, client, network, page):
        assert client.get(f"/resources/?page={page}").status_code == 200

    def test_pagination_keeps_filters_in_links(self, client, camden, settings):
        settings.RESOURCES_PER_PAGE = 2
        for n in range(5):
            ResourcePageFactory(title=f"Audit tool {n}", resource_type="audit-tool")
        response = client.get("/resources/?type=audit-tool")
        html = response.content.decode()
        assert response.context["page_obj"].paginator.num_pages == 3
        assert "?type=audit-tool&amp;page=2" in html
        assert len(titles(client.get("/resources/?type=audit-tool&page=3"))) == 1

    @pytest.mark.parametrize("count", [10, 50])
    def test_query_count_does_not_grow_with_results(
        self, client, camden, count, django_assert_max_num_queries, settings
    ):
        settings.RESOURCES_PER_PAGE = 50
        for n in range(count):
            ResourcePageFactory(title=f"Guidance {n}", tags=[f"topic {n % 7}"])
        client.get("/resources/")  # warm Wagtail's site and locale caches
        with django_assert_max_num_queries(10):
            response = client.get("/resources/?tag=topic-1&tag=topic-2")
        assert response.status_code == 200


@pytest.fixture
def crowded_network(camden, hackney, home, request):
    """``count`` of everything the public pages list: Camden's resources (each tagged), one resource
    with that many related resources, attachments, facets and adopting boroughs, Hackney resources
    Camden adopted, upcoming tagged events and six featured resources on the home page."""
    count = request.param
    resources = [ResourcePageFactory(title=f"Guidance {n}", tags=["shared", f"t{n}"]) for n in range(count)]
    main = resources[0]
    for other in resources[1:]:
        RelatedResource.objects.create(page=main, resource=other)
    for _ in range(count):
        # Uploads record their size; get_file_size() would save a document that lacks it, once.
        main.attachments.create(document=DocumentFactory(file_size=17))
    main.cp_stages.set(CPStage.objects.all())
    main.sos_elements.set(SoSElement.objects.all())
    main.audiences.set(Audience.objects.all())
    main.save()
    for borough in BoroughPage.objects.exclude(pk=camden.pk)[:count]:
        Adoption.objects.create(resource=main, borough=borough)
    for n in range(count):
        adopted = ResourcePageFactory(title=f"Hackney tool {n}", parent=hackney, tags=[f"h{n}"])
        Adoption.objects.create(resource=adopted, borough=camden)
    for n in range(count):
        event = EventPageFactory(start=timezone.now() + datetime.timedelta(days=n + 1))
        event.tags.set(["strategy", f"topic {n}"])
        event.save()
    for resource in resources[:6]:
        HomePageFeatured.objects.create(page=home, resource=resource)
    return main, count


@pytest.mark.django_db
@pytest.mark.parametrize("crowded_network", [10, 50], indirect=True)
def test_public_pages_have_bounded_queries(client, crowded_network, django_assert_max_num_queries, settings):
    settings.RESOURCES_PER_PAGE = 50
    main, count = crowded_network
    client.get("/")  # warm the caches a running site has warm (content types, site root paths)
    # The budgets are the same at 10 and 50 items: cost must not grow with the number shown.
    # Routing takes 4 (site, its root page, the chain of pages the path names, the page itself:
    # core.routing) and view restrictions 1, read once per request (resources.services.visibility).
    budgets = (
        ("/", 12),
        ("/boroughs/camden/", 10),
        ("/boroughs/", 10),
        (main.url, 12),
    )
    for url, budget in budgets:
        with django_assert_max_num_queries(budget):
            response = client.get(url)
        assert response.status_code == 200, url
    # The lists really were that long, so the budgets were measured on full pages.
    page = client.get(main.url).context
    assert (len(page["related"]), len(page["attachments"])) == (count - 1, count)
    assert len(client.get("/boroughs/camden/").context["adopted"]) == count
