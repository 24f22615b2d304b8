"""The health endpoints a load balancer, systemd or a monitor asks: JSON, never cached, no secrets."""

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse

from operations import checks


def _answer(body: dict[str, object], status: int = 200) -> HttpResponse:
    response = JsonResponse(body, status=status)
    # Each probe must see the state now: no browser, proxy or the page cache may keep it.
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def live(request: HttpRequest) -> HttpResponse:
    """200 while the process answers at all; touches nothing else (no database, no cache)."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    return _answer({"status": "ok"})


def ready(request: HttpRequest) -> HttpResponse:
    """200 when every part this site is configured with answers; 503 naming the parts that do not."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    parts = checks.readiness()
    failing = [name for name, state in parts.items() if state not in checks.HEALTHY]
    body = {"status": "unavailable" if failing else "ok", "checks": parts, "failing": failing}
    return _answer(body, status=503 if failing else 200)
