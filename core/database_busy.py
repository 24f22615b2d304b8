"""A database too busy to take a write in time is a clear 503 "try again" page, never a 500.

SQLite (the embedded default) lets one writer at a time; writers queue on the busy timeout
(settings: transaction_mode IMMEDIATE). If a write still cannot get the lock in time, the
person is told nothing was saved and to try again, with Retry-After.
"""

from collections.abc import Callable

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

RETRY_AFTER_SECONDS = 5


def is_busy(exception: BaseException) -> bool:
    """SQLite's "database is locked" / "database table is locked": busy, not broken."""
    return isinstance(exception, OperationalError) and "is locked" in str(exception)


class DatabaseBusyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_busy(exception):
            return None
        response = TemplateResponse(request, "503_busy.html", {"retry_seconds": RETRY_AFTER_SECONDS}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
