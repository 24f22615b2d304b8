"""Coordinators' event screens in the Wagtail admin: bookings (CSV, attendance), cancelling, missing notes.

Who may do what follows the page tree, as everywhere in the exchange: whoever may edit an
event sees its bookings; whoever may publish it may cancel it.
"""

from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from events.enums import BookingStatus
from events.models import Booking, EventPage
from events.services.bookings import place_counts
from events.services.cancellation import CannotCancel, cancel_event
from events.services.export import bookings_csv


def event_for(request: HttpRequest, page_id: int, *, publish: bool = False) -> EventPage:
    """The event, if this user may edit it (or publish it, for cancelling); otherwise PermissionDenied."""
    event = get_object_or_404(EventPage, pk=page_id)
    permissions = event.permissions_for_user(request.user)
    if not (permissions.can_publish() if publish else permissions.can_edit()):
        raise PermissionDenied
    return event


ATTENDANCE_CHOICES = {"yes": True, "no": False, "": None}


class EventBookingsView(WagtailAdminTemplateMixin, TemplateView):
    """Every booking for one event; after it starts, a form to mark who attended."""

    template_name = "events/admin/bookings.html"
    header_icon = "group"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.event = event_for(request, kwargs["page_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return f"Bookings: {self.event.title}"

    def get_breadcrumbs_items(self) -> list[dict[str, str]]:
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailadmin_pages:edit", args=[self.event.pk]), "label": self.event.title},
            {"url": "", "label": "Bookings"},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        confirmed, waiting = place_counts(self.event)
        bookings = list(Booking.objects.filter(event=self.event).for_admin())
        context.update(
            event=self.event,
            bookings=bookings,
            confirmed_count=confirmed,
            waiting_count=waiting,
            attended_count=sum(1 for b in bookings if b.attended),
            can_mark_attendance=self.event.start <= timezone.now(),
            csv_url=reverse("events_admin:bookings_csv", args=[self.event.pk]),
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.event.start > timezone.now():
            messages.error(request, "Attendance can be marked once the event has started.")
            return redirect("events_admin:bookings", self.event.pk)
        changed = 0
        for booking in Booking.objects.filter(event=self.event, status=BookingStatus.CONFIRMED):
            value = request.POST.get(f"attended-{booking.pk}")
            if value not in ATTENDANCE_CHOICES:
                continue  # not on the form the coordinator saw, or tampered with
            if booking.attended != ATTENDANCE_CHOICES[value]:
                booking.attended = ATTENDANCE_CHOICES[value]
                booking.save(update_fields=["attended"])
                changed += 1
        messages.success(request, f"Attendance saved ({changed} changed).")
        return redirect("events_admin:bookings", self.event.pk)


class EventBookingsCSVView(View):
    def get(self, request: HttpRequest, page_id: int) -> HttpResponse:
        event = event_for(request, page_id)
        response = HttpResponse(bookings_csv(event), content_type="text/csv; charset=utf-8")
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="bookings-{event.slug}-{stamp}.csv"'
        return response


class CancelEventForm(forms.Form):
    reason = forms.CharField(
        label="Message to people booked (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Shown on the event page and in the email, e.g. whether a new date will follow.",
    )


class CancelEventView(WagtailAdminTemplateMixin, TemplateView):
    """Confirm, then cancel: the page stays with a 'Cancelled' notice and everyone booked is emailed."""

    template_name = "events/admin/cancel.html"
    header_icon = "warning"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.event = event_for(request, kwargs["page_id"], publish=True)
        self.form = CancelEventForm(request.POST or None)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return f"Cancel event: {self.event.title}"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        confirmed, waiting = place_counts(self.event)
        context.update(event=self.event, form=self.form, people=confirmed + waiting)
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.form.is_valid():
            return self.get(request, *args, **kwargs)
        try:
            emailed = cancel_event(self.event, user=request.user, reason=self.form.cleaned_data["reason"])
        except CannotCancel as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"“{self.event.title}” is cancelled; {emailed} people booked were emailed.")
        return redirect("wagtailadmin_pages:edit", self.event.pk)


class MissingNotesReport(ReportView):
    """Past events (held, not cancelled) with no event notes linked yet, most recent first."""

    page_title = "Past events missing notes"
    header_icon = "doc-full"
    index_url_name = "events_admin:missing_notes"
    index_results_url_name = "events_admin:missing_notes_results"
    verbose_name_plural = "events missing notes"
    no_results_message = "Every past event has its notes linked."
    columns = [
        TitleColumn("title", label="Event", url_name="wagtailadmin_pages:edit"),
        DateColumn("start", label="Held on"),
        Column("host", label="Host"),
    ]
    list_export = ["title", "start", "host"]

    def get_queryset(self) -> Any:
        editable = Page.objects.all()
        if not self.request.user.is_superuser:
            from wagtail.permission_policies.pages import PagePermissionPolicy

            editable = PagePermissionPolicy().instances_user_has_permission_for(self.request.user, "change")
        return EventPage.objects.live().missing_notes().filter(pk__in=editable.values("pk")).select_related("host")

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm("wagtailadmin.access_admin"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class MissingNotesResultsReport(MissingNotesReport):
    """The table alone, for the admin's partial refresh."""
