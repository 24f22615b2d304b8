"""Every page type: where it may live, that it is routable and that it renders."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page
from wagtail.test.utils import WagtailTestUtils

from home.models import HomePage
from resources.models import (
    BoroughIndexPage,
    BoroughPage,
    RelatedResource,
    ResourceAttachment,
    ResourceIndexPage,
    ResourcePage,
)
from tests.factories import DocumentFactory, ResourcePageFactory


class TestTreeRules(WagtailTestUtils):
    """Resources live only under publishers, so page permissions can follow the tree."""

    @pytest.mark.parametrize(
        ("child", "parents"),
        [
            (HomePage, {Page}),
            (BoroughIndexPage, {HomePage}),
            (ResourceIndexPage, {HomePage}),
            (BoroughPage, {BoroughIndexPage}),
            (ResourcePage, {BoroughPage}),
        ],
    )
    def test_allowed_parents(self, child, parents):
        assert set(child.allowed_parent_page_models()) == parents

    @pytest.mark.parametrize(
        ("parent", "children"),
        [
            (BoroughPage, {ResourcePage}),
            (BoroughIndexPage, {BoroughPage}),
            (ResourceIndexPage, set()),
            (ResourcePage, set()),
        ],
    )
    def test_allowed_children(self, parent, children):
        assert set(parent.allowed_subpage_models()) == children

    def test_home_allows_the_two_indexes(self):
        assert {BoroughIndexPage, ResourceIndexPage} <= set(HomePage.allowed_subpage_models())
        assert ResourcePage not in HomePage.allowed_subpage_models()

    def test_resource_cannot_be_created_under_the_home_page(self):
        assert not ResourcePage.can_create_at(HomePage())
        assert ResourcePage.can_create_at(BoroughPage())


@pytest.mark.django_db
class TestRendering:
    def test_home_page(self, client, camden):
        ResourcePageFactory(title="Strategy meeting record template", tags=["strategy meetings"])
        response = client.get("/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "London Practice Exchange" in html
        assert "Strategy meeting record template" in html
        assert "strategy meetings" in html  # popular tags
        assert 'action="/search/"' in html

    def test_borough_index_lists_publishers_with_counts(self, client, camden):
        ResourcePageFactory()
        html = client.get("/boroughs/").content.decode()
        assert "Kingston upon Thames" in html
        assert "London Councils" in html
        assert "(1 resource)" in html

    def test_borough_page_shows_its_own_resources_only(self, client, camden, hackney):
        ResourcePageFactory(title="Camden chair checklist")
        ResourcePageFactory(title="Hackney core group agenda", parent=hackney)
        response = client.get("/boroughs/camden/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "Camden chair checklist" in html
        assert "Hackney core group agenda" not in html
        assert "E09000007" in html

    def test_resource_page_shows_metadata_tags_and_attachments(self, client, camden):
        document = DocumentFactory(title="Record template")
        resource = ResourcePageFactory(
            title="Strategy meeting record",
            tags=["S47", "recording"],
            stages=["strategy-discussion"],
            for_audiences=["police"],
            sos=["mapping"],
        )
        related = ResourcePageFactory(title="Thresholds for strategy discussions", parent=camden)
        ResourceAttachment.objects.create(page=resource, document=document)
        RelatedResource.objects.create(page=resource, resource=related)
        response = client.get(resource.url)
        assert response.status_code == 200
        html = response.content.decode()
        for text in (
            "Camden",
            "Practice guidance",
            "Strategy discussion",
            "Police",
            "Mapping",
            "1 June 2025",
            "1 June 2026",
            "Record template",
            "PDF",
            "Thresholds for strategy discussions",
        ):
            assert text in html
        assert 'href="/tags/s47/"' in html

    def test_review_overdue_notice_only_when_the_date_has_passed(self, client):
        overdue = ResourcePageFactory(review_due=datetime.date(2020, 1, 1), published_date=datetime.date(2019, 1, 1))
        current = ResourcePageFactory(review_due=datetime.date.today() + datetime.timedelta(days=30))
        assert "Review overdue" in client.get(overdue.url).content.decode()
        assert "Review overdue" not in client.get(current.url).content.decode()

    def test_draft_resources_are_not_served(self, client):
        draft = ResourcePageFactory(live=False)
        assert client.get(draft.url or f"/boroughs/camden/{draft.slug}/").status_code == 404

    def test_unknown_url_is_a_404_page(self, client, db):
        response = client.get("/boroughs/nowhere/")
        assert response.status_code == 404
        assert "Page not found" in response.content.decode()


@pytest.mark.django_db
class TestResourceModel:
    def test_review_due_defaults_to_twelve_months_after_publication(self):
        resource = ResourcePageFactory(published_date=datetime.date(2025, 3, 31))
        assert resource.review_due == datetime.date(2026, 3, 31)

    def test_review_due_from_29_february(self):
        resource = ResourcePageFactory(published_date=datetime.date(2024, 2, 29))
        assert resource.review_due == datetime.date(2025, 2, 28)

    def test_review_due_cannot_precede_publication(self):
        resource = ResourcePageFactory.build(
            published_date=datetime.date(2025, 3, 1), review_due=datetime.date(2025, 1, 1)
        )
        with pytest.raises(ValidationError) as error:
            resource.clean()
        assert "review_due" in error.value.message_dict

    def test_summary_limited_to_400_characters(self, camden):
        resource = ResourcePageFactory.build(summary="x" * 401, slug="too-long", path="x", depth=4)
        with pytest.raises(ValidationError) as error:
            resource.full_clean(exclude=["path", "depth", "content_type", "locale", "translation_key"])
        assert "summary" in error.value.message_dict

    def test_borough_follows_the_page_when_moved(self, camden, hackney):
        resource = ResourcePageFactory()
        resource.move(hackney, pos="last-child")
        resource.refresh_from_db()
        assert resource.borough == hackney
        assert resource.url.startswith("/boroughs/hackney/")


def test_numbered_steps_are_headed_by_the_editors_own_line_never_a_stock_how_to_use(client, camden):
    from tests.factories import ResourcePageFactory

    page = ResourcePageFactory(
        parent=camden,
        body=[
            ("heading", "Common pitfalls"),
            ("how_to", {"intro": "", "steps": ["Writing about the parent, not the child"]}),
            ("how_to", {"intro": "Before the meeting", "steps": ["Read the chronology"]}),
        ],
    )
    html = client.get(page.url).content.decode()
    assert "How to use" not in html
    assert '<h3 class="govuk-heading-m">Before the meeting</h3>' in html
    assert "Writing about the parent, not the child" in html
