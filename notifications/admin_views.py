"""Coordinators' read-only view of the outbox: what was sent, what failed and why."""

from typing import Any

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from notifications.models import EmailStatus, OutboundEmail

VIEW_OUTBOX = "notifications.view_outboundemail"


class OutboxFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=EmailStatus.choices, empty_label="Any status")
    category = django_filters.CharFilter(lookup_expr="istartswith", label="Sent by (e.g. events)")

    class Meta:
        model = OutboundEmail
        fields = ["status", "category"]


class OutboxReport(ReportView):
    page_title = "Outgoing email"
    header_icon = "mail"
    index_url_name = "notifications_outbox"
    index_results_url_name = "notifications_outbox_results"
    filterset_class = OutboxFilterSet
    verbose_name_plural = "emails"
    paginate_by = 50
    columns = [
        DateColumn("created_at", label="Queued"),
        Column("to", label="To"),
        Column("subject", label="Subject"),
        Column("category", label="Sent by"),
        Column("get_status_display", label="Status"),
        Column("attempts", label="Attempts"),
        DateColumn("sent_at", label="Sent"),
        DateColumn("next_attempt_at", label="Next try"),
        Column("last_error", label="Last error"),
    ]
    list_export = ["created_at", "to", "subject", "category", "status", "attempts", "sent_at", "last_error"]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm(VIEW_OUTBOX):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[OutboundEmail]:
        # The bodies can be long; the listing never shows them.
        return OutboundEmail.objects.defer("body", "html_body", "attachments")


class OutboxResultsReport(OutboxReport):
    """The table alone, swapped in when a filter changes."""
