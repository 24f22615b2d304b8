"""/resources/: newest first, paginated, filtered by borough, type and tag through the URL."""

import datetime

import pytest

from resources.models import RelatedResource
from tests.factories import ResourcePageFactory


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
        # Wagtail's routing and view-restriction checks take 8 of these; see the benchmark issue.
        with django_assert_max_num_queries(14):
            response = client.get("/resources/?tag=topic-1&tag=topic-2")
        assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("count", [10, 50])
def test_public_pages_have_bounded_queries(client, camden, count, django_assert_max_num_queries, settings):
    settings.RESOURCES_PER_PAGE = 50
    resources = [ResourcePageFactory(title=f"Guidance {n}", tags=["shared", f"t{n}"]) for n in range(count)]
    for other in resources[1:]:
        RelatedResource.objects.create(page=resources[0], resource=other)
    client.get("/")
    # Budgets are the same at 10 and 50 items: cost must not grow with the number shown.
    # The borough page also lists what it adopted from others (one query).
    budgets = (("/", 12), ("/boroughs/camden/", 15), ("/boroughs/", 10), (resources[0].url, 22))
    for url, budget in budgets:
        with django_assert_max_num_queries(budget):
            assert client.get(url).status_code == 200
