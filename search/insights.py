"""What the network searches for, and what it searches for and does not find.

Coordinators use this to decide what to ask boroughs to share and which synonyms to add.
The log holds normalised queries only, never who searched, so these are counts of words.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Max, QuerySet
from django.utils import timezone

from search.models import SearchLog

PERIODS = (30, 90)
DEFAULT_PERIOD = PERIODS[0]


@dataclass(frozen=True)
class QueryCount:
    query: str
    count: int
    last_seen: datetime.datetime


def parse_period(value: str | None) -> int:
    """The number of days asked for, or the default for anything else (the value comes from a URL)."""
    try:
        days = int(value or "")
    except ValueError:
        return DEFAULT_PERIOD
    return days if days in PERIODS else DEFAULT_PERIOD


def top_queries(days: int, limit: int = 25) -> list[QueryCount]:
    """The most frequent non-blank queries of the last `days` days, most frequent first."""
    return _counted(_recent(days), limit)


def zero_result_queries(days: int, limit: int = 25) -> list[QueryCount]:
    """The most frequent non-blank queries of the last `days` days that found nothing."""
    return _counted(_recent(days).filter(result_count=0), limit)


def _recent(days: int) -> QuerySet[SearchLog]:
    # A blank query is someone browsing with filters, not asking for something.
    since = timezone.now() - datetime.timedelta(days=days)
    return SearchLog.objects.filter(created_at__gte=since).exclude(query="")


def _counted(logs: QuerySet[SearchLog], limit: int) -> list[QueryCount]:
    rows = (
        logs.order_by()
        .values("query")
        .annotate(count=Count("pk"), last_seen=Max("created_at"))
        .order_by("-count", "-last_seen", "query")[:limit]
    )
    return [QueryCount(**row) for row in rows]
