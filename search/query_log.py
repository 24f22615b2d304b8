"""Recording searches for coordinators' insight reports, without keeping anything that could identify anyone.

No user or address is stored. Words that look like identifiers (long numbers, email
addresses) are withheld, because practitioners sometimes paste a case or NHS number into
any box they see; names, postcodes and other personal data the guard finds are starred out
before the entry is written, every word of a name with them (no "****** tester" left behind).
Entries older than the reports' longest period are deleted.
"""

import datetime
import re

from django.core.cache import cache
from django.utils import timezone

from core.text import normalise
from resources.guard import redact_search
from search.models import SearchLog

RETENTION = datetime.timedelta(days=90)
WITHHELD = "[withheld: looked like personal data]"
_IDENTIFIER = re.compile(r"\d[\d\s/.-]{4,}\d|@")
_PRUNE_KEY = "search:log-pruned"


def record_search(query: str, filters: dict, result_count: int) -> None:
    text = WITHHELD if _IDENTIFIER.search(query) else redact_search(normalise(query)[:200])
    SearchLog.objects.create(query=text, filters=filters, result_count=result_count)
    _prune_daily()


def _prune_daily() -> None:
    """Prune at most once a day per cache, as a fallback where the timer is not installed."""
    if cache.add(_PRUNE_KEY, True, timeout=60 * 60 * 24):
        prune_search_log()


def prune_search_log(now: datetime.datetime | None = None) -> int:
    """Delete entries past retention (a cheap indexed delete); returns how many went."""
    cutoff = (now or timezone.now()) - RETENTION
    deleted, _ = SearchLog.objects.filter(created_at__lt=cutoff).delete()
    return deleted
