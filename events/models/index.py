"""/events/: upcoming events soonest first, an archive of past events by year, feeds and booking links."""

from typing import Any

from django.conf import settings
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from core.pagination import paginate
from core.routing import RoutedPageMixin
from events.filters import EventListingFilter
from events.models.routes import views


class EventIndexPage(RoutedPageMixin, RoutablePageMixin, Page):
    intro = models.TextField(blank=True, help_text="A sentence on who the events are for.")

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = "event listing"

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        listing = EventListingFilter(request.GET)
        context["filters"] = listing
        context["page_obj"] = paginate(request, listing.queryset(), settings.EVENTS_PER_PAGE)
        context["options"] = listing.options()
        context["calendar_url"] = reverse("events_calendar")
        context["feed_url"] = self.url + self.reverse_subpage("feed")
        return context

    @path("feed/", name="feed")
    def feed(self, request: HttpRequest) -> HttpResponse:
        return views().atom_feed(request, self)

    @path("booking/<str:token>/", name="booking")
    def booking(self, request: HttpRequest, token: str) -> HttpResponse:
        return views().booking_page(request, self, token)
