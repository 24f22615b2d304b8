"""Listing logic for publishers and resources, as named queryset methods."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db.models import CharField, Count, Model, Q, QuerySet, Value, prefetch_related_objects
from django.utils import timezone
from modelcluster.queryset import FakeQuerySet
from wagtail.models import PageManager

import core.lookups  # noqa: F401 -- registers field__any_of (see among())
from core.querysets import ExchangePageQuerySet
from core.roles import is_coordinator
from core.visibility import hidden_filter, public_live

if TYPE_CHECKING:
    from resources.models import BoroughPage


def linked_ids(relation: Any, field: str = "resource") -> QuerySet | list[int]:
    """The ids a child relation (related resources, featured, session notes) links to, for `pk__in`.

    Saved links give a subquery (no extra query). A preview or an unsaved form holds its links in
    memory (modelcluster's FakeQuerySet), whose `values()` gives dicts `pk__in` cannot take.
    """
    links = relation.all()
    if isinstance(links, FakeQuerySet):
        return [getattr(link, f"{field}_id") for link in links]
    return links.values(field)


class BoroughPageQuerySet(ExchangePageQuerySet):
    def with_resource_counts(self) -> BoroughPageQuerySet:
        """Annotate `resource_count`: live resources each publisher has, in one query."""
        return self.annotate(resource_count=Count("resources", filter=public_live("resources__")))

    def publishing(self) -> BoroughPageQuerySet:
        """Publishers with at least one live resource."""
        return self.filter(public_live("resources__")).distinct()

    def led_by(self, user: Any) -> BoroughPageQuerySet:
        """The publishers whose leads group ``user`` belongs to (all of them for coordinators)."""
        if not (user.is_authenticated and user.is_active):
            return self.none()
        if is_coordinator(user):
            return self.all()
        return self.filter(access__leads_group__in=user.groups.all())

    def adoptable_by(self, user: Any) -> BoroughPageQuerySet:
        """The boroughs ``user`` may record adoption for: those they lead (not all, for coordinators),
        and the one their network membership names."""
        if not (user.is_authenticated and user.is_active):
            return self.none()
        members = Q(access__leads_group__in=user.groups.all()) | Q(members__user=user)
        return self.filter(members).distinct().order_by("title")

    def identified_by(self, value: str) -> BoroughPageQuerySet:
        """Match a publisher by ONS name, slug or GSS code, ignoring case (the import's `borough`)."""
        value = (value or "").strip()
        return self.filter(Q(title__iexact=value) | Q(slug__iexact=value) | Q(gss_code__iexact=value))


class ResourcePageQuerySet(ExchangePageQuerySet):
    _search_relations = False

    def _clone(self) -> ResourcePageQuerySet:
        clone = super()._clone()
        clone._search_relations = self._search_relations
        return clone

    def _fetch_all(self) -> None:
        fetched = self._result_cache is not None
        super()._fetch_all()
        if self._search_relations and not fetched:
            attach_search_relations(self._result_cache)

    def with_search_relations(self) -> ResourcePageQuerySet:
        """Resources with the tags and attached documents their search index reads, two queries per
        fetch (see attach_search_relations)."""
        clone = self.prefetch_related(None)
        clone._search_relations = True
        return clone

    def among(self, ids: Iterable[int]) -> ResourcePageQuerySet:
        """Only these resources: a search engine's matches, up to a thousand (one array on PostgreSQL)."""
        return self.filter(id__any_of=list(ids))

    def in_borough(self, borough: BoroughPage | int) -> ResourcePageQuerySet:
        """Resources published by one borough or pan-London body."""
        return self.filter(borough=borough)

    def in_boroughs(self, slugs: Iterable[str]) -> ResourcePageQuerySet:
        """Resources from any of the publishers with these slugs."""
        return self.filter(borough__slug__in=list(slugs))

    def of_type(self, *types: str) -> ResourcePageQuerySet:
        """Resources of any of these resource-type slugs."""
        return self.filter(resource_type__in=types)

    def tagged(self, *slugs: str) -> ResourcePageQuerySet:
        """Resources carrying any of these tags (by tag slug), without duplicates."""
        tagged_ids = self.model.tagged_items.rel.related_model.objects.filter(tag__slug__in=slugs).values(
            "content_object_id"
        )
        return self.filter(pk__in=tagged_ids)

    def in_stages(self, *slugs: str) -> ResourcePageQuerySet:
        """Resources for any of these child-protection stages."""
        return self.filter(cp_stages__slug__in=slugs).distinct()

    def newest(self) -> ResourcePageQuerySet:
        """Most recently published first; id breaks ties so pagination is stable."""
        return self.order_by("-published_date", "-pk")

    def overdue(self, today: datetime.date | None = None) -> ResourcePageQuerySet:
        """Resources whose review date has passed."""
        return self.filter(review_due__lt=today or timezone.localdate())

    def due_for_review(self, within_days: int = 30, today: datetime.date | None = None) -> ResourcePageQuerySet:
        """Resources due for review within `within_days` days, overdue ones included."""
        today = today or timezone.localdate()
        return self.filter(review_due__lte=today + datetime.timedelta(days=within_days))

    def visible_to(self, user: Any) -> ResourcePageQuerySet:
        """What ``user`` may read: public pages, plus members-only ones for network members."""
        hidden = hidden_filter(user)
        return self if hidden is None else self.exclude(hidden)

    def totals(self) -> dict[str, int]:
        """In one query: `resources` in this queryset, and `publishers`, the live publishers with at
        least one of them that anyone may read (members-only work never counts a publisher in)."""
        publishing = Q(borough__live=True) & public_live()
        return self.aggregate(resources=Count("pk"), publishers=Count("borough", distinct=True, filter=publishing))

    def with_publisher(self) -> ResourcePageQuerySet:
        """Join the publisher each card names; pair with prefetch_tags when one page shows several lists."""
        return self.select_related("borough")

    def for_listing(self) -> ResourcePageQuerySet:
        """Fetch what listing templates show (publisher, tags) up front, so templates never query."""
        return self.with_publisher().prefetch_related("tags")


def prefetch_tags(*listings: list[Any]) -> None:
    """Fetch the tags of every resource in several lists shown on one page, in one query."""
    prefetch_related_objects([resource for listing in listings for resource in listing], "tags")


def attach_search_relations(resources: list[Any]) -> None:
    """Give each resource its tags and attachments (with their documents) as if prefetched: one query
    each for the whole batch.

    The queries are prefetch_related's own, so everything comes in the order it gives; but Django's
    prefetch builds a queryset per resource and relation to hold the results, which costs more than
    the queries at index-rebuild batch sizes. In-memory querysets cost nothing.
    """
    resources = [resource for resource in resources if isinstance(resource, Model)]
    if not resources:
        return
    ResourceAttachment = type(resources[0]).attachments.rel.related_model
    # The class-level manager is the one prefetch_related asks (an instance's would keep its own tags only).
    tag_query, tag_owner, *_ = type(resources[0]).tags.get_prefetch_querysets(resources)
    tags: dict[Any, list[Any]] = {resource.pk: [] for resource in resources}
    for tag in tag_query:
        tags[tag_owner(tag)].append(tag)
    attachments: dict[Any, list[Any]] = {resource.pk: [] for resource in resources}
    for attachment in ResourceAttachment.objects.filter(page__in=resources).select_related("document"):
        attachments[attachment.page_id].append(attachment)
    for resource in resources:
        cache = resource.__dict__.setdefault("_prefetched_objects_cache", {})
        cache["tags"] = FakeQuerySet(tag_query.model, tags[resource.pk])
        cache["attachments"] = FakeQuerySet(ResourceAttachment, attachments[resource.pk])


def facet_names(resource_id: int) -> dict[str, list[str]]:
    """The resource's child-protection stages, Signs of Safety elements and audiences, by name in
    each vocabulary's order: one query (a UNION) where three relation lookups would take three."""
    Audience, CPStage, SoSElement = (
        apps.get_model("resources", name) for name in ("Audience", "CPStage", "SoSElement")
    )

    def terms(model: Any, facet: str) -> Any:
        label = Value(facet, output_field=CharField())
        return model.objects.filter(resources=resource_id).order_by().values_list(label, "sort_order", "name")

    rows = terms(CPStage, "stages").union(terms(SoSElement, "sos"), terms(Audience, "audiences"), all=True)
    names: dict[str, list[str]] = {"stages": [], "sos": [], "audiences": []}
    for facet, _order, name in sorted(rows, key=lambda row: (row[1], row[2])):
        names[facet].append(name)
    return names


BoroughPageManager = PageManager.from_queryset(BoroughPageQuerySet)
ResourcePageManager = PageManager.from_queryset(ResourcePageQuerySet)
