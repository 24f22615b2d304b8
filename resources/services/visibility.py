"""Members-only resources: Wagtail view restrictions decide who reads a page; this module applies
the same rule to listings, search and documents, so nothing restricted leaks through another route.
"""

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.contrib.auth.models import AnonymousUser, Group
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from wagtail.models import BaseViewRestriction, Page, PageViewRestriction, ReferenceIndex

from resources.roles import NETWORK_MEMBERS, is_coordinator, publishers_led_by


def set_members_only(page: Page, members_only: bool) -> bool:
    """Restrict ``page`` to network members, or lift its restrictions; True if anything changed."""
    restrictions = PageViewRestriction.objects.filter(page=page)
    if members_only and not restrictions.exists():
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=BaseViewRestriction.GROUPS)
        restriction.groups.set(Group.objects.filter(name=NETWORK_MEMBERS))
        return True
    if not members_only and restrictions.exists():
        restrictions.delete()
        return True
    return False


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


def _pages_using(document: Any) -> Any:
    """Every page (any state) that uses ``document``: as an attachment or referenced from its content."""
    from resources.models import ResourceAttachment

    page_ids = set(
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type__app_label="wagtailcore", base_content_type__model="page")
        .values_list("object_id", flat=True)
    )
    page_ids |= {
        str(pk) for pk in ResourceAttachment.objects.filter(document=document).values_list("page_id", flat=True)
    }
    return Page.objects.filter(pk__in=[int(pk) for pk in page_ids if str(pk).isdigit()])


def _led_by_user(document: Any, user: Any, pages: Any) -> bool:
    """In a collection of a publisher ``user`` leads, or used by a page under one (drafts included)."""
    publishers = list(publishers_led_by(user).select_related("access"))
    if not publishers:
        return False
    if document.collection_id in {p.access.collection_id for p in publishers if hasattr(p, "access")}:
        return True
    under = Q()
    for publisher in publishers:
        under |= Q(path__startswith=publisher.path)
    return pages.filter(under).exists()


def document_visible_to(document: Any, user: Any) -> bool:
    """Coordinators read every document; a lead also reads their own publishers' (drafts included);
    anyone reads a document that a live page they may read uses.

    Admin access alone is not enough: 35 publishers' leads have it, and another publisher's
    drafts (perhaps held back by the personal-data guard) are not theirs to read.
    """
    if is_coordinator(user):
        return True
    pages = _pages_using(document)
    readable = pages.live()
    hidden = hidden_filter(user)
    if hidden is not None:
        readable = readable.exclude(hidden)
    return readable.exists() or _led_by_user(document, user, pages)


def admin_page_filter(user: Any) -> Q | None:
    """In the admin's explorer and page chooser: a Q of the pages ``user`` may see listed, None for all.

    Wagtail lists every page to anyone who can choose pages; a lead sees live pages anywhere but
    drafts only under their own publishers, so another borough's unpublished titles stay its own.
    """
    if is_coordinator(user):
        return None
    visible = Q(live=True)
    if user.is_authenticated:
        visible |= Q(owner=user)  # a lead's own event drafts live under /events/, not their publisher
    for path in publishers_led_by(user).values_list("path", flat=True):
        visible |= Q(path__startswith=path)
    return visible


def admin_visible_pages(user: Any, pages: Any = None) -> Any:
    """``pages`` (all pages by default) narrowed to what ``user`` may see listed in the admin."""
    pages = Page.objects.all() if pages is None else pages
    visible = admin_page_filter(user)
    return pages if visible is None else pages.filter(visible)


def admin_document_filter(user: Any) -> Q | None:
    """A Q of the documents ``user`` may see listed in the admin (the rule of document_visible_to),
    None for all: their publishers' collections, and documents used by a page they may read live
    or that sits under a publisher they lead."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import CharField, Exists, OuterRef
    from django.db.models.functions import Cast
    from wagtail.documents import get_document_model

    from resources.models import ResourceAttachment

    if is_coordinator(user):
        return None
    readable = Q(live=True)
    hidden = hidden_filter(user)
    if hidden is not None:
        readable &= ~hidden
    led = publishers_led_by(user)
    for path in led.values_list("path", flat=True):
        readable |= Q(path__startswith=path)
    pages = Page.objects.filter(readable)
    # The reference index keeps ids as text, so the numbers are compared as text (never the other
    # way round: PostgreSQL may cast a row of another kind, whose id is not a number, first).
    referenced = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(get_document_model()),
        to_object_id=Cast(OuterRef("pk"), CharField()),
        object_id__in=pages.annotate(pk_text=Cast("pk", CharField())).values("pk_text"),
    )
    attached = ResourceAttachment.objects.filter(page_id__in=pages.values("pk")).values("document_id")
    collections = led.filter(access__isnull=False).values("access__collection_id")
    # Plain id lists, not Exists: the search backends translate only field lookups.
    referenced_ids = get_document_model().objects.filter(Exists(referenced)).values("pk")
    return Q(collection_id__in=collections) | Q(pk__in=attached) | Q(pk__in=referenced_ids)
