"""Page routing in two queries instead of two per URL level.

Wagtail routes /boroughs/camden/some-resource/ by asking each page in turn for its child
(one query) and then fetching that child's specific row (another), and afterwards reads the
ancestors again for view restrictions and again for the breadcrumbs. Here the home page
(every site's root) fetches the whole chain of pages named by the URL in one query, checks
it is an unbroken parent-to-child chain, and fetches only the last page's specific row,
with whatever that page type asks to be joined (``route_select_related``). The chain is
kept on the page, so view restrictions and breadcrumbs need no further queries.

Behaviour is Wagtail's own: a page type on the way that routes for itself (a routable page
whose sub-URLs match, or any other ``route`` override) is handed the rest of the path, and
anything unexpected (an alias, a gap in the chain, a page type whose code is gone) falls
back to Wagtail's level-by-level routing.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.http import Http404, HttpRequest
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.url_routing import RouteResult

from core.visibility import all_restrictions

# The exchange's tree is five levels deep; a chain query over more levels than this would only
# grow the SQL (a URL of 2,000 segments made SQLite refuse the expression). Deeper URLs get
# the first levels here and Wagtail's own routing below them, which stops at the first miss.
MAX_CHAIN_LEVELS = 16


def route_below(root: Page, request: HttpRequest, path_components: list[str]) -> RouteResult:
    """Route ``path_components`` below ``root`` (the site's root page, already specific)."""
    root._route_ancestors = []  # the tree's own root above it is never an alias
    wanted = path_components[:MAX_CHAIN_LEVELS]
    chain = _chain(root, wanted) if wanted and not root.alias_of_id else None
    if not chain:
        return Page.route(root, request, path_components)
    ancestors: list[Page] = [root]
    for level, page in enumerate(chain):
        model = page.specific_class
        if model is None:
            return Page.route(root, request, path_components)
        remaining = path_components[level + 1 :]
        if not remaining or _routes_itself(model, page, remaining):
            return _specific(page, model, ancestors).route(request, remaining)
        if page is chain[-1]:
            if model.route is Page.route:
                raise Http404  # what Page.route says when no child has the next slug
            return _specific(page, model, ancestors).route(request, remaining)
        ancestors.append(page)
    raise Http404  # unreachable: the last page of the chain always answers


def _chain(root: Page, components: list[str]) -> list[Page] | None:
    """The pages named by ``components`` below ``root``, outermost first, as far as they exist.

    Matching on (depth, slug) within the root's subtree uses the slug index; pages with the
    same slug elsewhere are dropped by following tree paths from parent to child. None when
    the tree is not one Wagtail's routing would walk simply (aliases, duplicate slugs).
    """
    levels = Q()
    for offset, slug in enumerate(components, start=1):
        levels |= Q(depth=root.depth + offset, slug=slug)
    by_level: dict[int, list[Page]] = {}
    # Whole base rows (a handful): ancestors are used as pages later (breadcrumbs, get_parent()),
    # and a deferred column would cost a query each time one is read.
    for page in Page.objects.filter(levels, path__startswith=root.path):
        by_level.setdefault(page.depth, []).append(page)
    chain: list[Page] = []
    parent = root
    for offset, slug in enumerate(components, start=1):
        matches = [
            page
            for page in by_level.get(root.depth + offset, [])
            if page.slug == slug and page.path.startswith(parent.path)
        ]
        if not matches:
            break
        if len(matches) > 1 or matches[0].alias_of_id:
            return None
        parent = matches[0]
        chain.append(parent)
    return chain


def _routes_itself(model: type[Page], page: Page, remaining: list[str]) -> bool:
    """Whether Wagtail would let this page (not its child) answer for ``remaining``."""
    if model.route is Page.route:
        return False
    if model.route is RoutablePageMixin.route:
        if not page.live:
            return False
        try:
            model.get_resolver().resolve("/" + "/".join(remaining) + "/")
        except (Resolver404, Http404):
            return False
        return True
    return True  # some other override: hand it the rest of the path, as Wagtail would


def _specific(page: Page, model: type[Page], ancestors: list[Page]) -> Page:
    related = getattr(model, "route_select_related", ())
    queryset = model._default_manager.all()
    if related:
        queryset = queryset.select_related(*related)
    specific = queryset.get(pk=page.pk)
    specific._cached_parent_obj = ancestors[-1]
    specific._route_ancestors = list(ancestors)
    return specific


class RoutedPageMixin:
    """For every public page type: view restrictions and breadcrumbs from the routed chain.

    ``route_select_related`` names the relations the page's template shows (e.g. the
    publisher), joined into the one query that fetches the page.
    """

    route_select_related: tuple[str, ...] = ()

    def get_view_restrictions(self) -> PageQuerySet:
        """Wagtail's restrictions on this page and its ancestors, from the request's memo when routed."""
        ancestors = getattr(self, "_route_ancestors", None)
        if ancestors is None or self.alias_of_id:  # type: ignore[attr-defined]
            return super().get_view_restrictions()  # type: ignore[misc]
        path = self.path  # type: ignore[attr-defined]
        ids = [r.pk for r in all_restrictions() if path.startswith(r.page.path)]
        if not ids:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(pk__in=ids)

    def breadcrumb_ancestors(self) -> Any:
        """Ancestors for the breadcrumbs: the routed chain, or Wagtail's query when not routed."""
        ancestors = getattr(self, "_route_ancestors", None)
        return ancestors if ancestors is not None else self.get_ancestors()  # type: ignore[attr-defined]
