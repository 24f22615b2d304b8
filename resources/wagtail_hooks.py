"""Admin rules for publishing: refusals that keep publishers' material safe, audit-log actions,
and the coordinators' publisher-access screen."""

import html
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, resolve_url
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.log_actions import log
from wagtail.models import Page

from core.admin_permissions import MenuEntry, register_menu_entries
from core.next_url import safe_next_url
from core.roles import is_coordinator
from resources import admin_views
from resources.admin_visibility import VISIBLE_BULK_ACTIONS, VisibleDocumentsAPIViewSet
from resources.models import BoroughPage, PublisherAccess, ResourcePage
from resources.models.workflow import OVERRIDE_ACTION, OVERRIDE_LOG_ACTION
from resources.page_links import ReadablePageLinkHandler, VisiblePageLinkElementHandler
from resources.services.page_guard import has_blocking, scan_page, summarise
from resources.services.reviews import DUE_WITHIN_DAYS, REVIEWED_LOG_ACTION
from resources.services.visibility import admin_page_filter, document_visible_to


@hooks.register("register_log_actions")
def register_log_actions(actions: Any) -> None:
    actions.register_action(OVERRIDE_LOG_ACTION, "Published despite personal-data findings", "Guard overridden")
    actions.register_action(REVIEWED_LOG_ACTION, "Reviewed, no change", "Reviewed, no change")


def _publisher_refusal(page: Any) -> str | None:
    specific = page.specific_deferred if hasattr(page, "specific_deferred") else page
    if isinstance(specific, BoroughPage):
        count = ResourcePage.objects.descendant_of(page).count()
        if count:
            return (
                f"'{page.title}' cannot be deleted: it publishes {count} resource(s). "
                "Move or delete its resources first, so nothing the network relies on disappears by accident."
            )
    return None


@hooks.register("before_delete_page")
def refuse_deleting_publisher_with_resources(request: HttpRequest, page: Any) -> HttpResponse | None:
    refusal = _publisher_refusal(page)
    if refusal:
        messages.error(request, refusal)
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


@hooks.register("before_bulk_action")
def refuse_unsafe_bulk_actions(
    request: HttpRequest, action_type: str, objects: list[Any], action_class_instance: Any
) -> HttpResponse | None:
    refusals: list[str] = []
    if action_type == "delete":
        refusals = [r for r in (_publisher_refusal(page) for page in objects) if r]
    elif action_type == "publish":
        for page in objects:
            latest = page.get_latest_revision_as_object()
            if isinstance(latest, ResourcePage) and has_blocking(scan_page(latest)):
                refusals.append(f"'{page.title}' looks like it contains personal data; open it to see the findings.")
    if not refusals:
        return None
    for refusal in refusals:
        messages.error(request, refusal)
    return redirect(safe_next_url(request, "wagtailadmin_explore_root"))


def _log_override(request: HttpRequest, page: Any) -> None:
    """The form let softer findings through on a reason; record who, why and what (masked).

    Anyone who publishes or submits may acknowledge a name or an address; clear identifiers
    never reach here (the form refuses them whatever the reason).
    """
    reason = (request.POST.get("guard_override_reason") or "").strip()
    acting = request.POST.get("action-publish") or request.POST.get("action-submit")
    if not (reason and (acting or request.POST.get("action-restart-workflow"))):
        return
    specific = page.specific
    if isinstance(specific, ResourcePage):
        findings = scan_page(specific.get_latest_revision_as_object())
        if has_blocking(findings):
            log(
                instance=specific,
                action=OVERRIDE_LOG_ACTION,
                user=request.user,
                data={"reason": reason, "findings": summarise(findings)},
            )


hooks.register("after_create_page", _log_override)
hooks.register("after_edit_page", _log_override)


@hooks.register("after_edit_page")
def say_published_after_approval(request: HttpRequest, page: Any) -> None:
    """An approval publishes, but Wagtail's edit view confirms it as "has been updated": say what
    happened. The queued messages are read and queued again, the approval's one reworded."""
    if request.POST.get("workflow-action-name") not in {"approve", OVERRIDE_ACTION}:
        return
    page.refresh_from_db(fields=["live", "has_unpublished_changes"])
    if not page.live or page.has_unpublished_changes:
        return  # a multi-step workflow moved on without publishing: "updated" is right
    title = page.get_admin_display_title()
    for message in list(messages.get_messages(request)):
        text = message.message
        # Wagtail's confirmation arrives escaped and with its buttons' whitespace after it.
        if html.unescape(str(text)).strip().endswith(f"'{title}' has been updated."):
            text = f"'{title}' has been approved and published."
        messages.add_message(request, message.level, text, extra_tags=message.extra_tags)


def _refuse_hidden_parent(request: HttpRequest, parent_page_id: Any, visible: Q) -> None:
    """The listing's own page is shown in its header: another borough's draft answers as if absent."""
    if parent_page_id and not Page.objects.filter(visible, pk=parent_page_id).exists():
        raise Http404("No such page.")


@hooks.register("construct_explorer_page_queryset")
def explorer_hides_other_publishers_drafts(parent_page: Page, pages: Any, request: HttpRequest) -> Any:
    visible = admin_page_filter(request.user)
    if visible is None:
        return pages
    _refuse_hidden_parent(request, parent_page.pk, visible)
    return pages.filter(visible)


@hooks.register("construct_page_chooser_queryset")
def chooser_hides_other_publishers_drafts(pages: Any, request: HttpRequest) -> Any:
    visible = admin_page_filter(request.user)
    if visible is None:
        return pages
    match = request.resolver_match
    _refuse_hidden_parent(request, match.kwargs.get("parent_page_id") if match else None, visible)
    return pages.filter(visible)


# After Wagtail's own registrations (order 0) under the same names, so these replace them.
for _action in VISIBLE_BULK_ACTIONS:
    hooks.register("register_bulk_action", _action, order=100)


@hooks.register("construct_admin_api", order=100)
def documents_api_lists_only_readable_documents(router: Any) -> None:
    router.register_endpoint("documents", VisibleDocumentsAPIViewSet)


@hooks.register("register_rich_text_features", order=100)
def page_links_reveal_only_readable_pages(features: Any) -> None:
    """After Wagtail's own (order 0): the same link type and converter rule, replaced."""
    from wagtail.admin.rich_text.converters.contentstate import link_entity
    from wagtail.admin.rich_text.converters.html_to_contentstate import ExternalLinkElementHandler

    features.register_link_type(ReadablePageLinkHandler)
    features.register_converter_rule(
        "contentstate",
        "link",
        {
            "from_database_format": {
                "a[href]": ExternalLinkElementHandler("LINK"),
                'a[linktype="page"]': VisiblePageLinkElementHandler("LINK"),
            },
            "to_database_format": {"entity_decorators": {"LINK": link_entity}},
        },
    )


@hooks.register("before_serve_document")
def serve_documents_only_to_readers_of_a_page_using_them(document: Any, request: HttpRequest) -> HttpResponse | None:
    """A document attached to a members-only or unpublished resource is not public because its URL is guessable."""
    if document_visible_to(document, request.user):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(
            request.get_full_path(),
            resolve_url(getattr(settings, "WAGTAIL_FRONTEND_LOGIN_URL", None) or "wagtailcore_login"),
        )
    raise Http404("No such document.")


class PublisherAccessViewSet(ModelViewSet):
    """Coordinators decide which publishers are trusted to publish without review."""

    model = PublisherAccess
    menu_label = "Publisher access"
    icon = "key"
    add_to_admin_menu = True
    menu_order = 600
    list_display = ["publisher", "leads_group", "trusted"]
    list_filter = ["trusted"]
    form_fields = ["trusted"]
    search_fields = ["publisher__title"]


@hooks.register("register_admin_viewset")
def register_publisher_access() -> ModelViewSet:
    return PublisherAccessViewSet("publisher_access")


# --- Review lifecycle and adoption ----------------------------------------------------------


@hooks.register("register_admin_urls")
def register_review_urls() -> list[Any]:
    return [
        path(
            "resources/<int:page_id>/reviewed/", admin_views.ReviewedNoChangeView.as_view(), name="resources_reviewed"
        ),
        path(
            "resources/<int:page_id>/guard-panel/", admin_views.GuardPanelView.as_view(), name="resources_guard_panel"
        ),
        path("reports/review-dates/", admin_views.ReviewDatesReport.as_view(), name="resources_review_report"),
        path(
            "reports/review-dates/results/",
            admin_views.ReviewDatesReport.as_view(results_only=True),
            name="resources_review_report_results",
        ),
        path("reports/most-adopted/", admin_views.MostAdoptedReport.as_view(), name="resources_adoption_report"),
        path(
            "reports/most-adopted/results/",
            admin_views.MostAdoptedReport.as_view(results_only=True),
            name="resources_adoption_report_results",
        ),
    ]


register_menu_entries(
    "register_reports_menu_item",
    MenuEntry("Review dates", "resources_review_report", "review-dates", "date", 1200, admin_views.NETWORK_REPORTS),
    MenuEntry(
        "Most adopted resources",
        "resources_adoption_report",
        "most-adopted",
        "group",
        1250,
        admin_views.NETWORK_REPORTS,
    ),
)


@hooks.register("register_page_header_buttons")
def reviewed_no_change_button(page: Any, user: Any, view_name: str, next_url: str | None = None) -> Any:
    if page.specific_class is ResourcePage and page.live and page.permissions_for_user(user).can_edit():
        yield Button(
            "Reviewed, no change", reverse("resources_reviewed", args=[page.pk]), icon_name="date", priority=55
        )


class ReviewPanel(Component):
    """On a lead's dashboard: their publishers' resources overdue or due in the next 30 days."""

    name = "review_due"
    order = 90
    template_name = "resources/admin/review_panel.html"

    def __init__(self, publishers: Any) -> None:
        self.publishers = publishers

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        today = timezone.localdate()
        due = (
            ResourcePage.objects.live()
            .filter(borough__in=self.publishers)
            .due_for_review(DUE_WITHIN_DAYS, today)
            .select_related("borough")
            .order_by("review_due", "title")[:100]
        )
        overdue = [r for r in due if r.review_due < today]
        due_soon = [r for r in due if r.review_due >= today]
        return {
            "overdue": overdue,
            "due_soon": due_soon,
            "groups": [("Overdue", overdue), ("Due in the next 30 days", due_soon)],
        }


class AddResourcePanel(Component):
    """First on a lead's dashboard: "Add a resource for <publisher>", one click instead of
    Pages → Boroughs → the publisher → an unlabelled icon."""

    name = "add_resource"
    order = 10
    template_name = "resources/admin/add_resource_panel.html"

    def __init__(self, publishers: Any) -> None:
        self.publishers = publishers

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        return {"publishers": self.publishers}


@hooks.register("construct_homepage_panels")
def add_lead_panels(request: HttpRequest, panels: list[Any]) -> None:
    # Coordinators see every publisher in the Review dates report and add from the page tree.
    if is_coordinator(request.user):
        return
    publishers = list(BoroughPage.objects.led_by(request.user))
    addable = [p for p in publishers if p.permissions_for_user(request.user).can_add_subpage()]
    if addable:
        panels.append(AddResourcePanel(addable))
    if publishers:
        panels.append(ReviewPanel(publishers))


@hooks.register("insert_editor_js")
def editor_autosave_corrections() -> str:
    """A new page autosaves once it has a title; error badges and the guard panel follow the form."""
    return format_html('<script src="{}" defer></script>', static("js/admin-editor.js"))


@hooks.register("construct_page_action_menu")
def submit_first_for_those_who_cannot_publish(menu_items: list[Any], request: HttpRequest, context: Any) -> None:
    """Wagtail's main button is "Save draft", with Submit behind the caret; a lead's real next step
    is to submit for cross-borough review, so make it the main button whenever Publish is absent."""
    names = [getattr(item, "name", "") for item in menu_items]
    if "action-publish" in names or "action-submit" not in names:
        return
    menu_items.insert(0, menu_items.pop(names.index("action-submit")))
