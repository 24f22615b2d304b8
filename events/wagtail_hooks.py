"""Admin wiring for events: bookings and cancel buttons on event pages, the missing-notes report."""

from collections.abc import Iterator
from typing import Any

from django.urls import URLResolver, include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from events import admin_views
from events.models import EventPage

admin_urls = [
    path("<int:page_id>/bookings/", admin_views.EventBookingsView.as_view(), name="bookings"),
    path("<int:page_id>/bookings.csv", admin_views.EventBookingsCSVView.as_view(), name="bookings_csv"),
    path("<int:page_id>/cancel/", admin_views.CancelEventView.as_view(), name="cancel"),
    path("missing-notes/", admin_views.MissingNotesReport.as_view(), name="missing_notes"),
    path("missing-notes/results/", admin_views.MissingNotesResultsReport.as_view(), name="missing_notes_results"),
]


@hooks.register("register_admin_urls")
def register_admin_urls() -> list[URLResolver]:
    return [path("events/", include((admin_urls, "events_admin")))]


def _event_buttons(page: Any, user: Any, priority: int) -> Iterator[Button]:
    if not isinstance(page.specific_deferred, EventPage):
        return
    permissions = page.permissions_for_user(user)
    if permissions.can_edit():
        yield Button("Bookings", reverse("events_admin:bookings", args=[page.pk]), icon_name="group", priority=priority)
    event = page.specific_deferred
    if permissions.can_publish() and page.live and not event.is_cancelled and not event.is_past():
        yield Button(
            "Cancel event", reverse("events_admin:cancel", args=[page.pk]), icon_name="warning", priority=priority + 1
        )


@hooks.register("register_page_listing_more_buttons")
def page_listing_buttons(page: Any, user: Any, next_url: str | None = None) -> Iterator[Button]:
    yield from _event_buttons(page, user, priority=15)


@hooks.register("register_page_header_buttons")
def page_header_buttons(page: Any, user: Any, view_name: str, next_url: str | None = None) -> Iterator[Button]:
    yield from _event_buttons(page, user, priority=16)


@hooks.register("register_reports_menu_item")
def register_missing_notes_menu_item() -> MenuItem:
    return MenuItem(
        "Past events missing notes",
        reverse("events_admin:missing_notes"),
        name="events-missing-notes",
        icon_name="date",
    )
