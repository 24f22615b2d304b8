"""prune_search_log deletes recorded searches past retention and keeps the rest."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from search.models import SearchLog
from search.query_log import RETENTION, prune_search_log

pytestmark = pytest.mark.django_db


def logged(age: datetime.timedelta) -> SearchLog:
    row = SearchLog.objects.create(query="strategy meeting", filters={}, result_count=3)
    SearchLog.objects.filter(pk=row.pk).update(created_at=timezone.now() - age)
    return row


def test_entries_past_retention_go_and_recent_ones_stay(capsys):
    old = logged(RETENTION + datetime.timedelta(days=1))
    recent = logged(RETENTION - datetime.timedelta(days=1))
    call_command("prune_search_log")
    assert "Deleted 1 search-log entries" in capsys.readouterr().out
    assert list(SearchLog.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not SearchLog.objects.filter(pk=old.pk).exists()
    assert prune_search_log() == 0
