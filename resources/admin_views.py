"""Admin screens for the review lifecycle and adoption, and the editor's refreshed personal-data
check panel: views check permission and call services."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views import View
from wagtail.admin.views.reports import ReportView

from core.admin_permissions import PermissionRequiredMixin
from resources.models import ResourcePage
from resources.panels import GuardFindingsPanel, guard_panel_context
from resources.services.reviews import DUE_WITHIN_DAYS, ReviewRefused, mark_reviewed

NETWORK_REPORTS = "resources.view_network_reports"


class ReviewedNoChangeView(View):
    """Confirm, then record that a resource was reviewed and still stands."""

    def _page(self, request: HttpRequest, page_id: int) -> ResourcePage:
        page = get_object_or_404(ResourcePage, pk=page_id)
        if not page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return page

    def get(self, request: HttpRequest, page_id: int) -> HttpResponse:
        page = self._page(request, page_id)
        return TemplateResponse(request, "resources/admin/reviewed_confirm.html", {"page": page})

    def post(self, request: HttpRequest, page_id: int) -> HttpResponse:
        page = self._page(request, page_id)
        try:
            page = mark_reviewed(page, request.user)
        except ReviewRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, f"'{page.title}' marked reviewed; next review due {page.review_due:%-d %B %Y}.")
        return redirect("wagtailadmin_explore", page.get_parent().pk)


class ReviewDatesReport(PermissionRequiredMixin, ReportView):
    """Every publisher's overdue and soon-due resources, for coordinators."""

    permission = NETWORK_REPORTS
    page_title = "Review dates across the network"
    header_icon = "date"
    index_url_name = "resources_review_report"
    index_results_url_name = "resources_review_report_results"
    results_template_name = "resources/admin/review_report_results.html"
    list_export = ["title", "borough.title", "review_due", "last_reviewed"]
    export_headings = {"borough.title": "Publisher", "review_due": "Review due", "last_reviewed": "Last reviewed"}
    paginate_by = 100

    def get_queryset(self) -> QuerySet[ResourcePage]:
        return (
            ResourcePage.objects.live()
            .due_for_review(DUE_WITHIN_DAYS)
            .select_related("borough")
            .order_by("review_due", "title")
        )


class MostAdoptedReport(PermissionRequiredMixin, ReportView):
    """The network's measure of shared good practice: resources used in the most boroughs."""

    permission = NETWORK_REPORTS
    page_title = "Most adopted resources"
    header_icon = "group"
    index_url_name = "resources_adoption_report"
    index_results_url_name = "resources_adoption_report_results"
    results_template_name = "resources/admin/adoption_report_results.html"
    list_export = ["title", "borough.title", "adoption_count"]
    export_headings = {"borough.title": "Publisher", "adoption_count": "Boroughs using it"}
    paginate_by = 100

    def get_queryset(self) -> QuerySet[ResourcePage]:
        return (
            ResourcePage.objects.live()
            .annotate(adoption_count=Count("adoptions"))
            .filter(adoption_count__gt=0)
            .select_related("borough")
            .order_by("-adoption_count", "title")
        )


class GuardPanelView(View):
    """The personal-data check panel for a page's latest draft, for the editor to show again after an
    autosave (static/js/admin-editor.js): the panel it opened with describes a draft now replaced."""

    def get(self, request: HttpRequest, page_id: int) -> HttpResponse:
        page = get_object_or_404(ResourcePage, pk=page_id)
        if not page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        draft = page.get_latest_revision_as_object()
        return TemplateResponse(request, GuardFindingsPanel.BoundPanel.template_name, guard_panel_context(draft))
