"""Publishers: the 33 London authorities and pan-London bodies, each a page.

Each publisher's resources live under its page, so Wagtail's page permissions can
give a borough's leads exactly their own subtree.
"""

from typing import Any

from django.db import models
from django.http import HttpRequest
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from core.pagination import paginate
from core.routing import RoutedPageMixin
from resources.enums import PublisherKind
from resources.forms import GuardedPageForm
from resources.querysets import BoroughPageManager, prefetch_tags


class BoroughIndexPage(RoutedPageMixin, Page):
    """/boroughs/: every publisher in the network."""

    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.BoroughPage"]
    max_count = 1

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["publishers"] = BoroughPage.objects.live().with_resource_counts().order_by("kind", "title")
        return context


class BoroughPage(RoutedPageMixin, Page):
    """A publisher: a borough, the City of London or a pan-London body that publishes resources.

    Named for the boroughs, which are most publishers; pan-London bodies (London Councils, the
    Regional Safeguarding Adviser's Office) are BoroughPages too, with `kind` saying which, and
    "publisher" in code and text means any of them.
    """

    # Its intro and contact are public: read by the personal-data guard like a resource's text.
    base_form_class = GuardedPageForm

    gss_code = models.CharField(
        "ONS GSS code",
        max_length=9,
        unique=True,
        null=True,
        blank=True,
        help_text="E09000001–E09000033 for London's local authorities; blank for pan-London bodies.",
    )
    kind = models.CharField(max_length=20, choices=PublisherKind.choices, default=PublisherKind.BOROUGH)
    intro = models.TextField(blank=True, help_text="A sentence or two about this publisher's children's services.")
    contact_name = models.CharField(max_length=150, blank=True, help_text="A team or role, not a person's name.")
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True, help_text="A public office number only.")
    website = models.URLField(blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("gss_code"), FieldPanel("kind")],
            heading="Identity",
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("website"),
            ],
            heading="Contact",
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["resources.BoroughIndexPage"]
    subpage_types = ["resources.ResourcePage"]

    objects = BoroughPageManager()

    class Meta:
        verbose_name = "borough or publisher"

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        # The publisher's resources by relation: the resource module imports this one.
        resources = self.resources.model.objects
        visible = resources.live().visible_to(request.user)
        page_obj = paginate(request, visible.in_borough(self).newest().with_publisher())
        page_obj.object_list = list(page_obj.object_list)
        adopted = list(visible.filter(adoptions__borough=self).exclude(borough=self).newest().with_publisher()[:50])
        prefetch_tags(page_obj.object_list, adopted)  # both lists' tags in one query
        context["page_obj"] = page_obj
        context["adopted"] = adopted
        return context
