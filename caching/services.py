"""The anonymous page cache: which requests and responses may be cached, storing and replaying
them, and purging.

Purging is one site-wide generation number, part of every page's cache key, rather than
per-URL purges. A resource appears on its own page, its borough page, the listings (every
filter and page number of them), tag pages, the home page, search JSON, typeahead and feeds,
and working out every URL that shows it (for every query string) is exactly the kind of
bookkeeping that goes stale. Bumping the generation orphans every cached page at once; the
orphans expire on their own (CACHE_SECONDS) or are evicted by Redis. Publishing is rare next
to reading, so re-rendering after a change costs little. Bookings, the one frequent change,
move a second generation that only the pages showing places left carry (BOOKINGS_KEY).
"""

import hashlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
# Bookings change only the places left shown on event cards (the event list; the home page
# lists upcoming events too, so it goes with them), so they move a generation of their own,
# carried only by those pages' keys: a booking leaves every resource page, listing and kept
# search answer where it is.
BOOKINGS_KEY = "pagecache:generation:bookings"
SHOWS_PLACES_PREFIXES = ("/events/",)

# Never cached, whoever asks: the admin and previews, document downloads (permission-checked),
# booking pages (joining details), static and media files, the benchmark's floor view.
NEVER_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/documents/",
    "/static/",
    "/media/",
    "/_bench/",
    "/events/booking/",
)


@dataclass(frozen=True)
class CachedPage:
    """What is kept of a response: small, picklable, and independent of the request."""

    status: int
    headers: list[tuple[str, str]]
    content: bytes
    nonce: str


def enabled() -> bool:
    """Full-page caching is on when CACHE_SECONDS is positive (by default only with CACHE_URL)."""
    return settings.CACHE_SECONDS > 0


def generation(key: str = GENERATION_KEY) -> int:
    """The current generation; started from the clock, so a generation lost with the cache (a
    Redis restart or eviction) is never reused and old entries can never come back."""
    value = cache.get(key)
    if value is None:
        value = time.time_ns()
        if not cache.add(key, value, timeout=None):
            value = cache.get(key, value)
    return value


def page_generation(request: HttpRequest) -> str:
    """The generation(s) a page's cache key carries: the bookings one too where places left show."""
    path = request.path_info
    if path == "/" or path.startswith(SHOWS_PLACES_PREFIXES):
        return f"{generation()}.{generation(BOOKINGS_KEY)}"
    return str(generation())


def last_changed(current: int | None = None) -> datetime:
    """When the generation last moved: the Last-Modified of feeds and calendars."""
    return datetime.fromtimestamp((current or generation()) / 1e9, tz=UTC).replace(microsecond=0)


def purge_bookings(reason: str) -> None:
    """Forget the cached pages that show places left (see BOOKINGS_KEY), as purge_all does."""
    purge_all(reason, key=BOOKINGS_KEY)


def purge_all(reason: str, key: str = GENERATION_KEY) -> None:
    """Forget every cached page, now and again after the current transaction commits.

    Now, so nothing inside this request is served stale; after commit, because a page rendered
    between the first bump and the commit would have read the old rows and been stored under
    the new generation. A cache that cannot be reached must not stop a publish: the entries
    it holds expire after CACHE_SECONDS anyway.
    """
    _bump(reason, key=key)
    connection = transaction.get_connection()
    queued = any(is_purge_callback(entry[1], key) for entry in connection.run_on_commit)
    if connection.in_atomic_block and not queued:
        # Once per transaction, however many signals a publish sends; a rolled-back savepoint
        # takes its entry with it, so the next change queues its own.
        transaction.on_commit(partial(_bump, reason, key=key))


def is_purge_callback(callback: Callable[[], None], key: str | None = None) -> bool:
    """True for an after-commit purge queued above (of ``key``'s generation, or any; tests that
    count callbacks leave them out)."""
    if getattr(callback, "func", None) is not _bump:
        return False
    return key is None or callback.keywords.get("key") == key


def _bump(reason: str, key: str = GENERATION_KEY) -> None:
    try:
        previous = cache.get(key) or 0
        cache.set(key, max(time.time_ns(), previous + 1), timeout=None)
    except Exception:
        logger.exception("Could not purge the page cache (%s)", reason)


def cacheable_request(request: HttpRequest) -> bool:
    """An anonymous GET outside the never-cached paths, carrying no cookie that could make its
    page differ from anyone else's (a session means a signed-in user, a password-restricted
    page already opened, or flash messages); the CSRF cookie alone identifies no one."""
    if request.method != "GET" or request.path_info.startswith(NEVER_PREFIXES):
        return False
    # Every HTML search is logged for coordinators' search insights; a cached hit would not be.
    # Its JSON (for other tools) and the typeahead are cached.
    if request.path_info == "/search/" and request.GET.get("format") != "json":
        return False
    ignorable = {settings.CSRF_COOKIE_NAME}
    return all(name in ignorable for name in request.COOKIES)


def cache_key(request: HttpRequest, current: int | str) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"pagecache:{current}:{hashlib.sha256(address.encode()).hexdigest()}"


def cacheable_response(request: HttpRequest, response: HttpResponseBase) -> bool:
    """A complete 200 that sets no cookie (so it used no CSRF token and no message), that its
    view did not mark private, and that was rendered for an anonymous user."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def freeze(request: HttpRequest, response: HttpResponse) -> CachedPage:
    """Keep the response with the CSP nonce it was rendered with, to be swapped on replay."""
    nonce = getattr(request, "_csp_nonce", None)
    return CachedPage(
        status=response.status_code,
        headers=list(response.headers.items()),
        content=response.content,
        nonce=nonce if isinstance(nonce, str) else "",
    )


def replay(page: CachedPage, fresh_nonce: str) -> HttpResponse:
    """The cached response with a new nonce in its body and CSP header: a nonce is only worth
    anything if every response has its own."""
    content, headers = page.content, page.headers
    if page.nonce:
        content = content.replace(page.nonce.encode(), fresh_nonce.encode())
        headers = [(name, value.replace(page.nonce, fresh_nonce)) for name, value in headers]
    response = HttpResponse(content, status=page.status)
    for name, value in headers:
        response.headers[name] = value
    return response
