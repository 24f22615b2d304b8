"""URLs outside the page tree: the subscribable calendar needs an address ending in .ics."""

from django.urls import path

from events import views

urlpatterns = [
    path("events/calendar.ics", views.site_calendar, name="events_calendar"),
]
