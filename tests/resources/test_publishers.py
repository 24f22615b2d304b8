"""The data migration creates every London authority and pan-London body as a publisher page."""

import pytest

from resources.enums import PublisherKind
from resources.models import BoroughPage


@pytest.mark.django_db
class TestPublishersMigration:
    def test_all_33_authorities_with_gss_codes_and_two_pan_london_bodies(self):
        codes = set(BoroughPage.objects.exclude(gss_code=None).values_list("gss_code", flat=True))
        assert codes == {f"E09{n:06d}" for n in range(1, 34)}
        assert BoroughPage.objects.filter(kind=PublisherKind.PAN_LONDON).count() == 2
        assert BoroughPage.objects.count() == 35

    @pytest.mark.parametrize(
        ("code", "name", "slug"),
        [
            ("E09000001", "City of London", "city-of-london"),
            ("E09000021", "Kingston upon Thames", "kingston-upon-thames"),
            ("E09000013", "Hammersmith and Fulham", "hammersmith-and-fulham"),
            ("E09000033", "Westminster", "westminster"),
        ],
    )
    def test_names_codes_and_slugs(self, code, name, slug):
        borough = BoroughPage.objects.get(gss_code=code)
        assert (borough.title, borough.slug) == (name, slug)
        assert borough.url == f"/boroughs/{slug}/"

    def test_city_of_london_is_not_called_a_borough(self):
        assert BoroughPage.objects.get(slug="city-of-london").kind == PublisherKind.CITY

    @pytest.mark.parametrize("value", ["Camden", "camden", "CAMDEN", "E09000007", "e09000007"])
    def test_identified_by_name_slug_or_code_in_any_case(self, value):
        assert BoroughPage.objects.identified_by(value).get().slug == "camden"

    def test_unknown_identifier_matches_nothing(self):
        assert not BoroughPage.objects.identified_by("Camdon").exists()

    def test_pages_are_live_and_the_tree_is_consistent(self, boroughs_index):
        from django.core.management import call_command

        assert BoroughPage.objects.live().count() == 35
        assert boroughs_index.numchild == 35
        # treebeard's own consistency check: paths, depths and child counts agree
        assert BoroughPage.find_problems() == ([], [], [], [], [])
        call_command("fixtree", verbosity=0)
