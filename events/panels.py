"""The event's own edit page shows its bookings: counts, the latest few, and the full screen's link
(they were reachable only from the page's "⋯" menu)."""

from typing import Any

from django.urls import reverse
from wagtail.admin.panels import Panel

LATEST = 5


class BookingsPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "events/admin/bookings_panel.html"

        def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
            context = super().get_context_data(parent_context)
            event = self.instance
            if not event.pk:
                return {**context, "saved": False}
            bookings = event.bookings.all()
            return {
                **context,
                "saved": True,
                "confirmed": bookings.confirmed().count(),
                "waiting": bookings.waiting().count(),
                "capacity": event.capacity,
                "latest": list(bookings.active().order_by("-created_at")[:LATEST]),
                "bookings_url": reverse("events_admin:bookings", args=[event.pk]),
            }
