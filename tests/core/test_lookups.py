"""`field__any_of`: the same rows as `__in`, as one array on PostgreSQL."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resources.models import ResourcePage
from tests.factories import ResourcePageFactory

pytestmark = pytest.mark.django_db


def test_among_selects_exactly_the_given_resources(camden):
    pages = [ResourcePageFactory(parent=camden, title=f"Guide {n}") for n in range(4)]
    wanted = [pages[0].pk, pages[2].pk, 999_999]
    with CaptureQueriesContext(connection) as captured:
        found = set(ResourcePage.objects.among(wanted).values_list("pk", flat=True))
    assert found == {pages[0].pk, pages[2].pk}
    assert found == set(ResourcePage.objects.filter(pk__in=wanted).values_list("pk", flat=True))
    if connection.vendor == "postgresql":
        assert "= ANY(" in captured.captured_queries[0]["sql"]


def test_among_nothing_is_nothing(camden):
    ResourcePageFactory(parent=camden)
    assert not ResourcePage.objects.among([]).exists()
    assert ResourcePage.objects.exclude(id__any_of=[]).count() == ResourcePage.objects.count()


def test_among_inside_a_subquery(camden):
    kept, other = ResourcePageFactory(parent=camden), ResourcePageFactory(parent=camden)
    inner = ResourcePage.objects.among([kept.pk]).values("pk")
    assert list(ResourcePage.objects.filter(pk__in=inner)) == [kept]
    assert other not in ResourcePage.objects.filter(pk__in=inner)
