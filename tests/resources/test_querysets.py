"""Named queryset methods: each does one thing, proven on a small network."""

import datetime

import pytest
from wagtail.models import Page

from resources.models import BoroughPage, CPStage, ResourcePage, SoSElement
from resources.querysets import facet_names, prefetch_tags
from resources.services.visibility import set_members_only
from resources.tags import popular_tags
from tests.factories import ResourcePageFactory

TODAY = datetime.date(2026, 6, 1)


@pytest.mark.django_db
class TestResourceQuerySet:
    def test_in_borough_and_in_boroughs(self, camden, hackney):
        a = ResourcePageFactory()
        b = ResourcePageFactory(parent=hackney)
        assert list(ResourcePage.objects.in_borough(camden)) == [a]
        assert set(ResourcePage.objects.in_boroughs(["camden", "hackney"])) == {a, b}
        assert not ResourcePage.objects.in_boroughs(["nowhere"]).exists()

    def test_of_type(self):
        guidance = ResourcePageFactory(resource_type="practice-guidance")
        ResourcePageFactory(resource_type="template")
        assert list(ResourcePage.objects.of_type("practice-guidance")) == [guidance]
        assert ResourcePage.objects.of_type("practice-guidance", "template").count() == 2

    def test_tagged_matches_any_tag_without_duplicates(self):
        both = ResourcePageFactory(tags=["neglect", "S47"])
        one = ResourcePageFactory(tags=["neglect"])
        ResourcePageFactory(tags=["pre-birth"])
        assert list(ResourcePage.objects.tagged("neglect", "s47").order_by("pk")) == [both, one]

    def test_in_stages(self):
        strategy = ResourcePageFactory(stages=["strategy-discussion", "section-47"])
        ResourcePageFactory(stages=["core-group"])
        assert list(ResourcePage.objects.in_stages("strategy-discussion", "section-47")) == [strategy]

    def test_newest_orders_by_publication_then_id(self):
        old = ResourcePageFactory(published_date=datetime.date(2023, 1, 1))
        new_a = ResourcePageFactory(published_date=datetime.date(2025, 1, 1))
        new_b = ResourcePageFactory(published_date=datetime.date(2025, 1, 1))
        assert list(ResourcePage.objects.newest()) == [new_b, new_a, old]

    def test_overdue_and_due_for_review(self):
        overdue = ResourcePageFactory(published_date=datetime.date(2025, 1, 1), review_due=datetime.date(2026, 5, 1))
        soon = ResourcePageFactory(published_date=datetime.date(2025, 1, 1), review_due=datetime.date(2026, 6, 20))
        ResourcePageFactory(published_date=datetime.date(2025, 1, 1), review_due=datetime.date(2026, 12, 1))
        assert list(ResourcePage.objects.overdue(today=TODAY)) == [overdue]
        assert set(ResourcePage.objects.due_for_review(within_days=30, today=TODAY)) == {overdue, soon}

    def test_for_listing_fetches_borough_and_tags_in_two_queries(self, django_assert_num_queries):
        for n in range(5):
            ResourcePageFactory(tags=[f"topic {n}", "shared"])
        with django_assert_num_queries(2):
            rows = [(r.borough.title, [t.name for t in r.tags.all()]) for r in ResourcePage.objects.for_listing()]
        assert len(rows) == 5
        assert all(title == "Camden" and "shared" in tags for title, tags in rows)

    def test_prefetch_tags_fetches_several_lists_tags_in_one_query(self, hackney, django_assert_num_queries):
        ours = list(ResourcePage.objects.with_publisher().filter(pk=ResourcePageFactory(tags=["neglect"]).pk))
        theirs = list(
            ResourcePage.objects.with_publisher().filter(pk=ResourcePageFactory(parent=hackney, tags=["s47"]).pk)
        )
        with django_assert_num_queries(1):
            prefetch_tags(ours, theirs)
            names = [[t.name for t in r.tags.all()] for r in ours + theirs]
            publishers = [r.borough.title for r in ours + theirs]
        assert (names, publishers) == ([["neglect"], ["s47"]], ["Camden", "Hackney"])

    def test_totals_counts_resources_and_publishers_with_public_work(self, camden, hackney, django_assert_num_queries):
        ResourcePageFactory()
        ResourcePageFactory()
        set_members_only(ResourcePageFactory(parent=hackney), True)  # counted for members, never a publisher
        ResourcePageFactory(parent=BoroughPage.objects.get(slug="barnet"), live=False)
        with django_assert_num_queries(2):  # the restrictions (memoised per request), then the totals
            totals = ResourcePage.objects.live().totals()
        assert totals == {"resources": 3, "publishers": 1}

    def test_private_q_matches_wagtails_public_and_not_public(self, camden):
        public = ResourcePageFactory()
        members = ResourcePageFactory()
        set_members_only(members, True)
        assert list(ResourcePage.objects.public()) == [public]
        assert list(ResourcePage.objects.not_public()) == [members]
        assert list(Page.objects.type(ResourcePage).public().specific()) == [public]  # Wagtail's own rule


@pytest.mark.django_db
def test_facet_names_in_one_query_in_vocabulary_order(django_assert_num_queries):
    resource = ResourcePageFactory(stages=["section-47", "strategy-discussion"], sos=["danger-statements"])
    with django_assert_num_queries(1):
        names = facet_names(resource.pk)
    stages = [s.name for s in CPStage.objects.filter(slug__in=["section-47", "strategy-discussion"])]
    assert names == {"stages": stages, "sos": [SoSElement.objects.get(slug="danger-statements").name], "audiences": []}


@pytest.mark.django_db
def test_facet_names_of_a_preview_are_its_unsaved_choices():
    resource = ResourcePageFactory(stages=["section-47"])
    resource.cp_stages = list(CPStage.objects.filter(slug="core-group"))  # as a preview's form sets them
    assert resource.facet_names()["stages"] == [CPStage.objects.get(slug="core-group").name]
    assert ResourcePage.objects.get(pk=resource.pk).facet_names()["stages"] == [
        CPStage.objects.get(slug="section-47").name
    ]


@pytest.mark.django_db
class TestBoroughQuerySet:
    def test_resource_counts_count_live_resources_only(self, camden):
        ResourcePageFactory()
        ResourcePageFactory(live=False)
        counts = {b.slug: b.resource_count for b in BoroughPage.objects.with_resource_counts()}
        assert counts["camden"] == 1
        assert counts["hackney"] == 0


@pytest.mark.django_db
def test_popular_tags_ranked_by_live_use():
    ResourcePageFactory(tags=["neglect", "S47"])
    ResourcePageFactory(tags=["neglect"])
    ResourcePageFactory(tags=["draft only"], live=False)
    tags = list(popular_tags(10))
    assert [(t.name, t.num_resources) for t in tags] == [("neglect", 2), ("S47", 1)]


@pytest.mark.django_db
def test_publishing_lists_publishers_with_live_resources_once(camden, hackney):
    ResourcePageFactory()
    ResourcePageFactory()
    ResourcePageFactory(parent=hackney, live=False)
    assert list(BoroughPage.objects.publishing()) == [camden]
