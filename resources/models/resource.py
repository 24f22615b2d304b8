"""The resource: one piece of practice a publisher shares with the network."""

import datetime
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.routing import RoutedPageMixin
from core.text import stems_text
from resources.blocks import ResourceBodyBlock
from resources.enums import PRINTED_TYPES, ResourceType
from resources.forms import ResourcePageForm
from resources.models.boroughs import BoroughPage
from resources.panels import GuardFindingsPanel, SubmissionNotePanel
from resources.querysets import ResourcePageManager, facet_names, linked_ids
from resources.services.body_text import blocks_plain_text


def default_review_due(published: datetime.date) -> datetime.date:
    """Guidance is reviewed 12 months after it is published unless the publisher says otherwise.

    29 February rolls on to 28 February, the last day of the same month.
    """
    try:
        return published.replace(year=published.year + 1)
    except ValueError:
        return published.replace(year=published.year + 1, day=28)


class ResourcePageTag(TaggedItemBase):
    content_object = ParentalKey("resources.ResourcePage", on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        # Both directions answered from the index alone: tag → resources (tag pages, the listing's
        # tag filter, facet counts) and resource → tags (every card's tags).
        indexes = [
            models.Index(fields=["tag", "content_object"], name="resource_tag_tag_resource"),
            models.Index(fields=["content_object", "tag"], name="resource_tag_resource_tag"),
        ]


class ResourcePage(RoutedPageMixin, Page):
    summary = models.TextField(
        max_length=400,
        validators=[MaxLengthValidator(400)],  # a TextField's max_length alone only sizes the widget
        help_text="Plain text, at most 400 characters: what this is and when to use it.",
    )
    resource_type = models.CharField("resource type", max_length=30, choices=ResourceType.choices, db_index=True)
    body = StreamField(ResourceBodyBlock(), blank=True)
    tags = ClusterTaggableManager(
        through=ResourcePageTag,
        blank=True,
        help_text="Topics in the words practitioners use, e.g. 'strategy meetings', 'neglect'.",
    )
    cp_stages = ParentalManyToManyField(
        "resources.CPStage", blank=True, related_name="resources", verbose_name="child-protection stages"
    )
    sos_elements = ParentalManyToManyField(
        "resources.SoSElement", blank=True, related_name="resources", verbose_name="Signs of Safety elements"
    )
    audiences = ParentalManyToManyField("resources.Audience", blank=True, related_name="resources")
    published_date = models.DateField(
        "first published",
        default=timezone.localdate,
        db_index=True,
        help_text="When this was first published, here or in the borough's own library.",
    )
    last_reviewed = models.DateField("last reviewed", null=True, blank=True)
    review_due = models.DateField(
        "review due",
        blank=True,
        db_index=True,
        help_text="Leave blank for 12 months after first publication.",
    )
    contact_name = models.CharField(
        max_length=150, blank=True, help_text="A team or role, e.g. 'Head of Quality Assurance'."
    )
    contact_email = models.EmailField(blank=True)
    version = models.CharField(max_length=20, blank=True, help_text="e.g. 1.0, 2.1")
    source_id = models.CharField(
        max_length=100,
        blank=True,
        db_index=True,
        help_text="The publisher's own reference; the bulk import matches on it. Unique within a borough.",
    )
    # The owning publisher, kept equal to the parent page (see save and resources.signals)
    # so listings and facets filter and count with an indexed join instead of tree paths.
    borough = models.ForeignKey(
        BoroughPage, null=True, editable=False, on_delete=models.PROTECT, related_name="resources"
    )

    objects = ResourcePageManager()
    route_select_related = ("borough",)  # the page names its publisher

    base_form_class = ResourcePageForm

    content_panels = [
        GuardFindingsPanel(heading="Personal-data check"),
        SubmissionNotePanel(heading="Publishing"),
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("resource_type"),
        FieldPanel("body"),
        InlinePanel("attachments", label="Attachments", heading="Attachments"),
        FieldPanel("tags"),
        MultiFieldPanel(
            [
                FieldPanel("cp_stages", widget=forms.CheckboxSelectMultiple),
                FieldPanel("sos_elements", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Facets",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("published_date"), FieldPanel("last_reviewed"), FieldPanel("review_due")]),
                FieldRowPanel([FieldPanel("version"), FieldPanel("source_id")]),
            ],
            heading="Dates and version",
        ),
        MultiFieldPanel([FieldPanel("contact_name"), FieldPanel("contact_email")], heading="Contact"),
        InlinePanel("related_resources", label="Related resource", heading="Related resources"),
        FieldPanel("guard_override_reason"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields(
            "attachments",
            [index.RelatedFields("document", [index.SearchField("title"), index.SearchField("extracted_text")])],
        ),
        index.SearchField("search_stems"),
        index.FilterField("resource_type"),
        index.FilterField("published_date"),
        index.FilterField("borough"),
    ]

    parent_page_types = ["resources.BoroughPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "resource"
        indexes = [
            # A publisher's page lists its resources newest first; its leads' dashboard, by review date.
            models.Index(fields=["borough", "-published_date"], name="resource_borough_newest"),
            models.Index(fields=["borough", "review_due"], name="resource_borough_review_due"),
        ]

    def clean(self) -> None:
        super().clean()
        if self.review_due and self.published_date and self.review_due < self.published_date:
            raise ValidationError({"review_due": "The review date cannot be before first publication."})

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.review_due and self.published_date:
            self.review_due = default_review_due(self.published_date)
        if self.path and not self.borough_id:
            self.borough_id = (
                BoroughPage.objects.filter(path=self.path[: -self.steplen]).values_list("pk", flat=True).first()
            )
        super().save(*args, **kwargs)

    @classmethod
    def get_indexed_objects(cls) -> Any:
        # An index rebuild reads pages in batches: fetch each batch's tags and attached documents
        # with it, not one query per page for each (search fields and search_stems read both).
        return super().get_indexed_objects().with_search_relations()

    def body_text(self) -> str:
        return blocks_plain_text(self.body.raw_data)

    def search_stems(self) -> str:
        """Stems of every indexed word, so stemmed queries match on backends that do not stem."""
        attachment_text = " ".join(a.document.extracted_text for a in self.attachments.all())
        tags = " ".join(tag.name for tag in self.tags.all())
        return stems_text(" ".join([self.title, self.summary, self.body_text(), tags, attachment_text]))

    @property
    def is_review_overdue(self) -> bool:
        return bool(self.review_due and self.review_due < timezone.localdate())

    @property
    def type_label(self) -> str:
        return ResourceType(self.resource_type).label if self.resource_type else ""

    @property
    def offers_printing(self) -> bool:
        """Tools and templates are printed to be used on paper, so their pages offer a Print button."""
        return self.resource_type in PRINTED_TYPES

    def facet_names(self) -> dict[str, list[str]]:
        """Stage, Signs of Safety and audience names; one query when they are the saved ones
        (a preview carries unsaved choices in memory, which the relations return instead)."""
        unsaved = getattr(self, "_cluster_related_objects", {})
        if self.pk and not any(name in unsaved for name in ("cp_stages", "sos_elements", "audiences")):
            return facet_names(self.pk)
        return {
            "stages": [str(term) for term in self.cp_stages.all()],
            "sos": [str(term) for term in self.sos_elements.all()],
            "audiences": [str(term) for term in self.audiences.all()],
        }

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["facets"] = self.facet_names()
        # The address this page was read at (the site's real one, whatever the Site record says).
        context["printed_from"] = request.build_absolute_uri(self.get_url(request) or request.path)
        context["attachments"] = self.attachments.select_related("document")
        # A new page's preview has no row yet, so nothing can have adopted it.
        adopters = BoroughPage.objects.filter(adoptions__resource=self) if self.pk else BoroughPage.objects.none()
        context["adopted_by"] = list(adopters.order_by("title"))
        if request.user.is_authenticated and self.pk:  # a new page's preview cannot be adopted yet
            adopted = {borough.pk for borough in context["adopted_by"]}
            context["my_boroughs"] = [
                (borough, borough.pk in adopted)
                for borough in BoroughPage.objects.adoptable_by(request.user)
                if borough.pk != self.borough_id
            ]
        context["related"] = (
            ResourcePage.objects.live()
            .visible_to(request.user)
            .filter(pk__in=linked_ids(self.related_resources))
            .for_listing()
        )
        return context


class ResourceAttachment(Orderable):
    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(settings.WAGTAILDOCS_DOCUMENT_MODEL, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = "attachment"


class RelatedResource(Orderable):
    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="related_resources")
    resource = models.ForeignKey(ResourcePage, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("resource")]

    class Meta(Orderable.Meta):
        verbose_name = "related resource"
