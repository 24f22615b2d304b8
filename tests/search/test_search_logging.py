"""Search logging keeps words and counts, withholds identifiers, and forgets after 90 days."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from search.models import SearchLog
from search.query_log import WITHHELD, record_search


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["999 123 4567", "case 2024/00123", "someone@example.com", "DOB 01/02/2015"])
def test_identifier_like_queries_are_withheld(query):
    record_search(query, {}, 0)
    assert SearchLog.objects.get().query == WITHHELD


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "logged"),
    [
        ("Oliver Sample chronology", "****** ****** chronology"),
        ("neglect se15 3zz", "neglect **** ***"),
        ("mum at gmail dot com", "*** ** ***** *** ***"),
        ("12 Mare Street family home", "** **** ****** family home"),
    ],
)
def test_personal_data_typed_into_search_is_masked_before_it_is_written(query, logged):
    record_search(query, {}, 0)
    assert SearchLog.objects.get().query == logged


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "logged"),
    [
        ("kayden sample-tester", "****** ****** ******"),  # a hyphenated surname's second half
        ("Finley Sample Tester chronology", "****** ****** ****** chronology"),
        ("sample, imogen", "****** ******"),  # surname first
        ("declan testcase neglect", "****** ******** neglect"),  # a surname no list holds
        ("mrs o'sample home visit", "*** * ****** home visit"),
        ("aria j sample", "**** * ******"),  # an initial between
        ("harper sample's school", "****** ****** * school"),
    ],
)
def test_no_fragment_of_a_name_is_left_in_the_search_log(query, logged):
    record_search(query, {}, 0)
    assert SearchLog.objects.get().query == logged


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "kept"),
    [
        ("S47 Enquiry", "s47 enquiry"),
        ("section 47", "section 47"),
        ("working together 2023", "working together 2023"),
        ("tower hamlets strategy meeting", "tower hamlets strategy meeting"),
        ("three houses", "three houses"),
    ],
)
def test_ordinary_queries_are_kept_normalised(query, kept):
    record_search(query, {"type": ["template"]}, 3)
    log = SearchLog.objects.get()
    assert (log.query, log.filters, log.result_count) == (kept, {"type": ["template"]}, 3)


@pytest.mark.django_db
def test_entries_older_than_90_days_are_deleted():
    record_search("old", {}, 1)
    SearchLog.objects.update(created_at=timezone.now() - datetime.timedelta(days=91))
    cache.clear()
    record_search("new", {}, 1)
    assert list(SearchLog.objects.values_list("query", flat=True)) == ["new"]
