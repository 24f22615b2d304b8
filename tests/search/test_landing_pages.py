"""Ways in by child-protection stage and by type: the search, filtered, with its own heading."""

import pytest

from resources.enums import ResourceType


@pytest.mark.usefixtures("demo")
class TestLandingPages:
    def test_a_stage_page_lists_that_stages_resources(self, client):
        response = client.get("/stages/initial-conference/")
        assert response.status_code == 200
        html = response.content.decode()
        assert '<h1 class="govuk-heading-xl">Initial child protection conference</h1>' in html
        assert "ICPCs, including pre-birth and transfer-in conferences." in html
        search = response.context["search"]
        assert search.total == client.get("/search/", {"stage": "initial-conference"}).context["search"].total > 0
        # The stage is the page, not a removable filter.
        assert "Child-protection stage: Initial child protection conference" not in html

    def test_a_type_page_lists_that_type_and_can_be_searched_within(self, client):
        response = client.get("/types/sos-tool/")
        assert response.status_code == 200
        results = response.context["search"].results
        assert results and all(r.resource.resource_type == ResourceType.SOS_TOOL for r in results)
        within = client.get("/types/sos-tool/", {"q": "three houses"}).context["search"]
        assert 0 < within.total < response.context["search"].total

    @pytest.mark.parametrize("url", ["/stages/no-such-stage/", "/types/no-such-type/"])
    def test_unknown_stage_or_type_is_not_found(self, client, url):
        assert client.get(url).status_code == 404

    def test_the_home_page_links_every_stage_and_type(self, client):
        html = client.get("/").content.decode()
        assert 'href="/stages/initial-conference/">Initial child protection conference</a>' in html
        for value, label in ResourceType.choices:
            assert f'href="/types/{value}/">{label}</a>' in html
