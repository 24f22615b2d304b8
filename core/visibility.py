"""Who may read which pages: Wagtail view restrictions turned into tree paths and Q filters, so
listings, search, counts and documents apply the same rule as the page itself.

Restrictions are read once per request (RequestMemoMiddleware): one page view asks several times.
"""

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from wagtail.models import BaseViewRestriction, PageViewRestriction


def _accepts(
    restriction: PageViewRestriction, user: Any, group_ids: set[int], restriction_groups: dict[int, set[int]]
) -> bool:
    """Wagtail's own rule (BaseViewRestriction.accept_request) without a request: passwords never pass."""
    if not (user.is_authenticated and user.is_active):
        return False
    if restriction.restriction_type == BaseViewRestriction.LOGIN:
        return True
    if restriction.restriction_type == BaseViewRestriction.GROUPS:
        return user.is_superuser or bool(group_ids & restriction_groups.get(restriction.pk, set()))
    return False


# One page view reads the restrictions several times (listing, tag counts, publisher counts);
# memoising them for the length of a request saves those queries without ever serving a
# restriction list older than the request itself.
_request_memo: ContextVar[dict[str, Any] | None] = ContextVar("visibility_memo", default=None)


class RequestMemoMiddleware:
    """Gives each request its own memo of view restrictions (see hidden_paths_for)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # The reader is kept too, for what renders without a request at hand (rich-text links).
        token = _request_memo.set({"user": getattr(request, "user", None)})
        try:
            return self.get_response(request)
        finally:
            _request_memo.reset(token)


def current_user() -> Any:
    """Whoever the current request is for; anonymous outside a request (the safest reader)."""
    memo = _request_memo.get()
    user = memo.get("user") if memo is not None else None
    return user if user is not None else AnonymousUser()


def all_restrictions() -> list[PageViewRestriction]:
    """Every view restriction with its page, read once per request (see RequestMemoMiddleware)."""
    memo = _request_memo.get()
    if memo is not None and "restrictions" in memo:
        return memo["restrictions"]
    restrictions = list(PageViewRestriction.objects.select_related("page"))
    if memo is not None:
        memo["restrictions"] = restrictions
    return restrictions


def _restriction_groups() -> dict[int, set[int]]:
    """Group ids of every group restriction, read only when a signed-in user needs them."""
    memo = _request_memo.get()
    if memo is not None and "groups" in memo:
        return memo["groups"]
    groups: dict[int, set[int]] = {}
    through = PageViewRestriction.groups.through.objects.values_list("pageviewrestriction_id", "group_id")
    for restriction_id, group_id in through:
        groups.setdefault(restriction_id, set()).add(group_id)
    if memo is not None:
        memo["groups"] = groups
    return groups


def hidden_paths_for(user: Any) -> list[str]:
    """Tree paths of restricted pages ``user`` may not read (everything below them is hidden too)."""
    restrictions = all_restrictions()
    if not restrictions:
        return []
    group_ids: set[int] = set()
    restriction_groups: dict[int, set[int]] = {}
    if user.is_authenticated:
        group_ids = getattr(user, "_exchange_group_ids", None) or set(user.groups.values_list("pk", flat=True))
        user._exchange_group_ids = group_ids
        restriction_groups = _restriction_groups()  # read once, not once per restriction
    return [r.page.path for r in restrictions if not _accepts(r, user, group_ids, restriction_groups)]


def hidden_filter(user: Any = None, prefix: str = "") -> Q | None:
    """A Q matching pages hidden from ``user`` (anonymous if None); None when nothing is hidden.

    ``prefix`` reaches the page through a relation, e.g. "resources__" from a publisher.
    """
    query = None
    for path in hidden_paths_for(user or AnonymousUser()):
        clause = Q(**{f"{prefix}path__startswith": path})
        query = clause if query is None else query | clause
    return query


def public_live(prefix: str = "") -> Q:
    """Live and readable by anyone: counts shown to everyone never count members-only resources."""
    hidden = hidden_filter(prefix=prefix)
    live = Q(**{f"{prefix}live": True})
    return live if hidden is None else live & ~hidden
