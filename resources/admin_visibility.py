"""Another publisher's drafts stay out of every admin route, not only the explorer and chooser.

The rule is resources.services.visibility's: a lead sees live pages anywhere, and drafts only
under the publishers they lead (and those they own); coordinators see everything. Wagtail
answers many admin routes from its page permission policy, so the rule goes there first; the
routes that read pages or tags without it (bulk-action confirmations, the chosen-pages answer,
the page-types report, tag autocompletion, the documents API) get it here one by one, and any
admin URL naming a hidden page answers 404 (AdminHiddenPageMiddleware).
tests/security/test_admin_crawl.py crawls every admin route to keep it so.
"""

from collections.abc import Callable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Q
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from taggit.models import Tag, TagBase, TaggedItem
from wagtail.admin.views.pages.bulk_actions import (
    DeleteBulkAction,
    MoveBulkAction,
    PublishBulkAction,
    UnpublishBulkAction,
)
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.views.tags import TAGS_AUTOCOMPLETE_LIMIT
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from resources.models import ResourcePage
from resources.services.visibility import admin_document_filter, admin_page_filter, admin_visible_pages


class VisiblePagesPolicy(PagePermissionPolicy):
    """Wagtail's page policy, with what a user may explore narrowed to the pages they may see.

    Registered for Page (resources.apps), so the explorer, page search, the admin pages API,
    history and workflow reports all list from it.
    """

    def explorable_instances(self, user: Any) -> Any:
        return admin_visible_pages(user, super().explorable_instances(user))

    def instances_user_has_any_permission_for(self, user: Any, actions: Any) -> Any:
        # 'add' on /events/ reaches every event below it, drafts of other leads included.
        return admin_visible_pages(user, super().instances_user_has_any_permission_for(user, actions))


# URL parameters that name a page in the admin (the revisions comparison calls it pk).
_PAGE_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "page_pk")
_PAGE_PK_VIEWS = ("wagtailadmin_pages:revisions_compare",)
_PAGE_IDS_IN_QUERY = ("wagtailadmin_choose_page_chosen_multiple",)


class AdminHiddenPageMiddleware:
    """An admin URL naming a page the user may not see answers 404, as if the page were absent.

    Wagtail's views check what a user may do with a page, but several show its title before or
    instead of refusing (the move confirmation, the chosen-pages answer); one check here covers
    every route, including those a later Wagtail adds with the same parameter names.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view: Any, args: Any, kwargs: dict[str, Any]) -> None:
        match = request.resolver_match
        if match is None or not request.user.is_authenticated:
            return
        ids = [kwargs[name] for name in _PAGE_KWARGS if name in kwargs]
        if match.view_name in _PAGE_PK_VIEWS and "pk" in kwargs:
            ids.append(kwargs["pk"])
        if match.view_name in _PAGE_IDS_IN_QUERY:
            ids += request.GET.getlist("id")
        ids = [int(i) for i in ids if str(i).isdigit()]
        if not ids:
            return
        visible = admin_page_filter(request.user)
        if visible is None:
            return
        existing = Page.objects.filter(pk__in=ids)
        if existing.exclude(visible).exists():
            raise Http404("No such page.")


class _VisibleOnly:
    """A page bulk action whose confirmation never names pages the user may not see.

    Wagtail lists the pages a user may not act on by title ("you don't have permission to …");
    for another publisher's draft that title is exactly what must stay hidden, so such pages are
    left out as if their ids had not been sent (``?id=all&childOf=`` included).
    """

    def get_actionable_objects(self) -> tuple[list[Any], dict[str, Any]]:
        objects, extra = super().get_actionable_objects()  # type: ignore[misc]
        visible = set(admin_visible_pages(self.request.user).values_list("pk", flat=True))  # type: ignore[attr-defined]
        extra["items_with_no_access"] = [page for page in extra["items_with_no_access"] if page.pk in visible]
        return [page for page in objects if page.pk in visible], extra


VISIBLE_BULK_ACTIONS = [
    type(f"Visible{action.__name__}", (_VisibleOnly, action), {})
    for action in (DeleteBulkAction, MoveBulkAction, PublishBulkAction, UnpublishBulkAction)
]


class VisibleDocumentsAPIViewSet(DocumentsAdminAPIViewSet):
    """The admin's documents API (listing, detail, find) lists only documents the user may read."""

    def get_queryset(self) -> Any:
        queryset = super().get_queryset()
        visible = admin_document_filter(self.request.user)
        return queryset if visible is None else queryset.filter(visible)


class VisiblePageTypesUsageReport(PageTypesUsageReportView):
    """Wagtail's page-types report names the last page edited of each type; name only one the user may see."""

    def decorate_paginated_queryset(self, page_types: Any) -> Any:
        page_types = super().decorate_paginated_queryset(page_types)
        site_root_path = self.filters.form.cleaned_data.get("site") if self.filters else None
        for item in page_types:
            pages = admin_visible_pages(self.request.user, Page.objects.filter(content_type_id=item.pk))
            if site_root_path:
                pages = pages.filter(path__startswith=site_root_path)
            latest = pages.order_by(F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk").first()
            item.last_edited_page = latest.specific if latest else None
        return page_types


def visible_tags(user: Any, tags: Any) -> Any:
    """``tags`` narrowed to those used by a page or document ``user`` may see in the admin."""
    if admin_page_filter(user) is None:
        return tags
    pages = admin_visible_pages(user, ResourcePage.objects.all())
    on_pages = Q(resources_resourcepagetag_items__content_object__in=pages.values("pk"))
    documents = get_document_model().objects.all()
    document_filter = admin_document_filter(user)
    if document_filter is not None:
        documents = documents.filter(document_filter)
    on_documents = Q(
        pk__in=TaggedItem.objects.filter(
            content_type=ContentType.objects.get_for_model(get_document_model()),
            object_id__in=documents.values("pk"),
        ).values("tag_id")
    )
    return tags.filter(on_pages | on_documents).distinct()


def tag_autocomplete(request: HttpRequest, app_name: str | None = None, model_name: str | None = None) -> JsonResponse:
    """Wagtail's tag autocompletion (same URLs and answer), from the tags the user may see.

    A tag used only by another publisher's draft names what that draft is about.
    """
    tag_model: Any = Tag
    if app_name and model_name:
        try:
            tag_model = ContentType.objects.get_by_natural_key(app_name, model_name).model_class()
        except ContentType.DoesNotExist:
            raise Http404("No such tag model.") from None
        if tag_model is None or not issubclass(tag_model, TagBase):
            raise Http404("No such tag model.")
    term = request.GET.get("term", "")
    if not term:
        return JsonResponse([], safe=False)
    tags = tag_model.objects.filter(name__istartswith=term)
    if tag_model is Tag:
        tags = visible_tags(request.user, tags)
    names = tags.order_by("name").values_list("name", flat=True)[:TAGS_AUTOCOMPLETE_LIMIT]
    return JsonResponse(list(names), safe=False)
