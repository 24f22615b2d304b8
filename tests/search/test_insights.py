"""Search insights (search.insights) and the report that shows them."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from search.insights import parse_period, top_queries, zero_result_queries
from search.models import SearchLog


def searched(query: str, results: int = 3, *, days_ago: int = 0, times: int = 1) -> None:
    """Log `times` searches for `query`, `days_ago` days back (created_at is set on insert, hence update)."""
    rows = SearchLog.objects.bulk_create(SearchLog(query=query, result_count=results) for _ in range(times))
    when = timezone.now() - datetime.timedelta(days=days_ago, minutes=1)
    SearchLog.objects.filter(pk__in=[row.pk for row in rows]).update(created_at=when)


def counts(rows) -> list[tuple[str, int]]:
    return [(row.query, row.count) for row in rows]


@pytest.fixture
def history(db) -> None:
    searched("strategy meeting", times=3)
    searched("s47", times=2, days_ago=5)
    searched("s47", days_ago=60)
    searched("core group", times=4, days_ago=45)
    searched("reunification", results=0, times=2, days_ago=1)
    searched("reunification", results=0, days_ago=70)
    searched("fgc", results=0, days_ago=3)
    searched("edge of care", results=0, times=5, days_ago=120)
    searched("", results=66, times=9)  # browsing with filters only


def test_top_queries_counts_within_the_period_most_frequent_first(history):
    # Ties go to the query seen most recently.
    assert counts(top_queries(30)) == [("strategy meeting", 3), ("reunification", 2), ("s47", 2), ("fgc", 1)]
    assert counts(top_queries(90)) == [
        ("core group", 4),
        ("strategy meeting", 3),
        ("reunification", 3),
        ("s47", 3),
        ("fgc", 1),
    ]


def test_zero_result_queries_exclude_older_searches(history):
    assert counts(zero_result_queries(30)) == [("reunification", 2), ("fgc", 1)]
    assert counts(zero_result_queries(90)) == [("reunification", 3), ("fgc", 1)]


def test_last_seen_is_the_latest_search(history):
    (row,) = [row for row in top_queries(90) if row.query == "s47"]
    assert timezone.now() - row.last_seen < datetime.timedelta(days=6)


def test_limit_applies(history):
    assert len(top_queries(90, limit=2)) == 2


@pytest.mark.parametrize(("value", "days"), [("30", 30), ("90", 90), ("7", 30), ("abc", 30), (None, 30)])
def test_period_comes_from_a_short_list(value, days):
    assert parse_period(value) == days


def test_report_shows_the_chosen_period(admin_client, history):
    response = admin_client.get(reverse("search_insights"), {"period": "90"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "core group" in html and "edge of care" not in html
    assert counts(response.context["zero"]) == [("reunification", 3), ("fgc", 1)]
    assert "core group" not in admin_client.get(reverse("search_insights")).content.decode()


def test_report_is_closed_to_anonymous_users(client, db):
    response = client.get(reverse("search_insights"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("wagtailadmin_login"))


def test_report_needs_the_view_searchlog_permission(client, django_user_model):
    user = django_user_model.objects.create_user("adviser", "a@exchange.example", "a-long-test-password")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(reverse("search_insights"))["Location"] == reverse("wagtailadmin_home")
    user.user_permissions.add(Permission.objects.get(codename="view_searchlog"))
    user = django_user_model.objects.get(pk=user.pk)  # permissions are cached on the instance
    client.force_login(user)
    assert client.get(reverse("search_insights")).status_code == 200


def test_reports_menu_lists_the_new_reports(admin_client):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("search_insights") in html
    assert reverse("search_tags:duplicates") in html
    assert reverse("search_tags:index") in html


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("coordinator", "c@exchange.example", "a-long-test-password")
    client.force_login(user)
    return client
