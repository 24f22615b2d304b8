"""The home page (what the exchange is, a search box, latest and featured resources, popular tags) and the
service's own pages: accessibility statement, privacy notice, cookies, contact, how to publish."""

from typing import Any

from django.db import models
from django.http import HttpRequest
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from core.routing import RoutedPageMixin, route_below
from events.models import EventPage
from resources.enums import ResourceType
from resources.forms import GuardedPageForm
from resources.models import ResourcePage
from resources.querysets import linked_ids
from resources.tags import popular_tags
from resources.vocabulary import vocabulary_labels


class HomePage(RoutedPageMixin, Page):
    base_form_class = GuardedPageForm  # public text: read by the personal-data guard

    intro = models.TextField(
        blank=True, help_text="One or two sentences on what the exchange is, shown under the title."
    )
    body = RichTextField(blank=True, features=["bold", "italic", "link", "ul", "h2", "h3"])

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("featured", label="Featured resource", heading="Featured resources", max_num=6),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def route(self, request: HttpRequest, path_components: list[str]) -> RouteResult:
        # Every site's root: the whole URL is routed from here in two queries (core.routing).
        return route_below(self, request, path_components)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        live = ResourcePage.objects.live().visible_to(request.user)
        context["featured"] = live.filter(pk__in=linked_ids(self.featured)).for_listing()
        context["latest"] = live.newest().for_listing()[:6]
        context["popular_tags"] = popular_tags(12)
        # Ways in for "I'm preparing for an ICPC": each stage and each kind of resource has a page.
        # (The stages are a small cached vocabulary, in their order: no query on a warm cache.)
        context["stages"] = list(vocabulary_labels("stage").items())
        context["resource_types"] = ResourceType.choices
        totals = live.totals()
        context["publisher_count"] = totals["publishers"]
        context["resource_count"] = totals["resources"]
        # One query: the home page's event cards show no tags.
        context["upcoming_events"] = (
            EventPage.objects.live().public().not_cancelled().upcoming().select_related("host")[:3]
        )
        return context


class HomePageFeatured(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured")
    resource = models.ForeignKey(ResourcePage, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("resource")]


class ServicePage(RoutedPageMixin, Page):
    """A page about the service itself, edited in the admin (created by migration home 0004).

    Editable rather than a template so coordinators keep the accessibility statement and privacy
    notice current without a release.
    """

    base_form_class = GuardedPageForm  # public text: read by the personal-data guard

    intro = models.TextField(blank=True, help_text="One or two sentences shown under the title.")
    body = RichTextField(features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])
    last_updated = models.DateField(
        null=True, blank=True, help_text="Shown at the end of the page, e.g. when the statement was last reviewed."
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body"), FieldPanel("last_updated")]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
