"""Rate limits any view can apply, answered with a readable 429 page and a Retry-After header.

Built on django-ratelimit's counters (kept in the default cache, which must be shared by
every worker in production). Views call `enforce` with a group name, a key and a rate;
when the limit is passed it raises Ratelimited, which django-ratelimit's middleware turns
into `ratelimited` below.

    enforce(request, group="events.book", key="ip", rate="20/h")
    enforce(request, group="events.book.email", key=post_value("email"), rate="5/h")
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django_ratelimit.core import get_usage
from django_ratelimit.exceptions import Ratelimited

Key = str | Callable[[str, HttpRequest], str]

# How long to ask the client to wait when the counter cannot say (a cache failure).
DEFAULT_RETRY_AFTER = 60


def post_value(field: str) -> Callable[[str, HttpRequest], str]:
    """A key on a posted field, trimmed and lower-cased so 'A@x.org ' and 'a@x.org' count together."""

    def key(group: str, request: HttpRequest) -> str:
        return request.POST.get(field, "").strip().lower()

    return key


def configured_rate(name: str) -> str:
    """The rate for `name` from settings.RATE_LIMITS (env-overridable, see base.py), e.g. "120/m"."""
    return settings.RATE_LIMITS[name]


def enforce(request: HttpRequest, *, group: str, key: Key, rate: str, json: bool = False) -> None:
    """Count this request against `rate` (e.g. "5/h") for `key`; raise Ratelimited once over it.

    An empty key value (a form posted without the field) is not counted: the form's own
    validation answers that request. With `json`, the 429 is a JSON body for scripts and
    the typeahead rather than the HTML page.
    """
    if callable(key) and not key(group, request):
        return
    usage = get_usage(request, group=group, key=key, rate=rate, increment=True)
    if usage and usage["should_limit"]:
        request.ratelimit_retry_after = max(int(usage["time_left"]), 1) if usage["time_left"] > 0 else None
        request.ratelimit_json = json
        raise Ratelimited(f"Rate limit {rate} passed for {group}")


def ratelimited(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The RATELIMIT_VIEW: 429 Too Many Requests, saying when to try again."""
    retry_after = getattr(request, "ratelimit_retry_after", None) or DEFAULT_RETRY_AFTER
    minutes = max(1, round(retry_after / 60))
    if getattr(request, "ratelimit_json", False):
        response = JsonResponse({"error": "Too many requests", "retry_after": retry_after}, status=429)
    else:
        response = render(request, "429.html", {"retry_minutes": minutes}, status=429)
    response["Retry-After"] = str(retry_after)
    return response
