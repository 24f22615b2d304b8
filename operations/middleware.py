"""Request logging and the health endpoints, first in MIDDLEWARE."""

import logging
import re
import time
import uuid
from collections.abc import Callable

from django.http import HttpRequest
from django.http.response import HttpResponseBase

from operations import views

logger = logging.getLogger("exchange.requests")

# What a proxy may hand us as a request id: nginx's $request_id (32 hex digits), a UUID, or any
# short token of these characters. Anything else (too long, spaces, newlines that would forge a
# log line) is replaced by our own.
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
HEALTH_PATHS: dict[str, Callable[[HttpRequest], HttpResponseBase]] = {
    "/health/live": views.live,
    "/health/ready": views.ready,
}


def printable(text: str) -> str:
    """`text` with control characters escaped, so a path with an encoded newline cannot forge a line."""
    return CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def request_id(request: HttpRequest) -> str:
    """The proxy's X-Request-ID when it is a sane token, else a new random one."""
    given = request.headers.get("X-Request-ID", "")
    if SANE_REQUEST_ID.fullmatch(given):
        return given
    return uuid.uuid4().hex


class RequestLogMiddleware:
    """One log line per request: method, path (never the query string), status, milliseconds and
    the request id, which is also echoed in the X-Request-ID response header.

    Outermost, so page-cache hits and health probes are timed and logged too. The query string
    and the body are never logged: a search or a booking form may hold personal data. Health
    probes that pass are logged at DEBUG (a load balancer asks every few seconds).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        request.request_id = request_id(request)
        started = time.perf_counter()
        response = self.get_response(request)
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        response["X-Request-ID"] = request.request_id
        path = printable(request.path)
        level = logging.INFO
        if path.rstrip("/") in HEALTH_PATHS and response.status_code == 200:
            level = logging.DEBUG
        logger.log(
            level,
            "%s %s %s %sms id=%s",
            request.method,
            path,
            response.status_code,
            duration_ms,
            request.request_id,
            extra={
                "method": request.method,
                "path": path,
                "status": response.status_code,
                "duration_ms": duration_ms,
                "request_id": request.request_id,
            },
        )
        return response


class HealthCheckMiddleware:
    """Answers /health/live and /health/ready before anything else runs.

    Before the page cache (never stored), the HTTPS redirect (a probe on the loopback or from the
    load balancer speaks plain HTTP), host validation (a load balancer asks by the server's own
    address, which ALLOWED_HOSTS rightly does not list; the answers build no URL from the Host
    header, so it cannot poison anything) and sessions (no cookie is read or set). No view of the
    site's rate limits is involved, so probes are never limited.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        view = HEALTH_PATHS.get(request.path_info.rstrip("/"))
        if view is None:
            return self.get_response(request)
        return view(request)
