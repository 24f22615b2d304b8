"""ETag and Last-Modified for feeds and calendars, so subscribers' regular polls cost a 304.

Both come from the page cache's generation (caching.services), which moves on every change
that can alter a public page, so computing them costs no SQL. The date is part of them too,
because which events a calendar or feed lists also depends on the day (a window of recent
events). Clients sending If-None-Match get the exact answer; If-Modified-Since alone has
one-second resolution, so two changes in the same second could look like one.
"""

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from django.http import HttpRequest
from django.views.decorators.http import condition

from caching import services


def _today() -> datetime:
    return datetime.now(tz=UTC).replace(hour=0, minute=0, second=0, microsecond=0)


def changes_etag(request: HttpRequest, *args: Any, **kwargs: Any) -> str:
    return f'"{services.generation()}-{_today():%Y%m%d}"'


def changes_last_modified(request: HttpRequest, *args: Any, **kwargs: Any) -> datetime:
    return max(services.last_changed(), _today())


def conditional_on_changes(view: Callable) -> Callable:
    """Django's condition decorator with the site-wide validators: a 304 when nothing changed."""
    return condition(etag_func=changes_etag, last_modified_func=changes_last_modified)(view)
