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

    def test_unknown_values_are_ignored_or_match_nothing_without_error(self, client, network):
        assert len(titles(client.get("/resources/?type=nonsense"))) == 3
        response = client.get("/resources/?borough=atlantis")
        assert response.status_code == 200
        assert titles(response) == []
        assert "No resources match" in response.content.decode()

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
