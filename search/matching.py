"""Why a result matched, which topics a query is near, which pages editors promoted for it: the
parts of a search answer read from attachments, tags and promotions rather than the engine
(called by search.services only)."""

from django.db.models import Exists, OuterRef, Q
from rapidfuzz import process
from taggit.models import Tag
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string

from core.text import normalise
from resources.models import ResourceAttachment, ResourcePage
from resources.querysets import ResourcePageQuerySet
from search.highlight import contains_any


def matches_page_text(resource: ResourcePage, body: str, clauses: list[list[str]]) -> bool:
    """Whether the resource's own words satisfy every part of the query (else an attachment did)."""
    text = " ".join([resource.title, resource.summary, body, *(t.name for t in resource.tags.all())])
    return all(contains_any(text, alternatives) for alternatives in clauses)


def attachment_matches(page_ids: list[int], terms: list[str]) -> dict[int, str]:
    """For results whose own text does not match, the attached file whose text does (one query)."""
    if not page_ids or not terms:
        return {}
    condition = Q()
    for term in terms:
        condition |= Q(document__extracted_text__icontains=term)
    attachments = ResourceAttachment.objects.filter(condition, page_id__in=page_ids).order_by("sort_order")
    found: dict[int, str] = {}
    for page_id, title, filename in attachments.values_list("page_id", "document__title", "document__file"):
        # The title the publisher gave it; the stored name carries Django's random suffix.
        found.setdefault(page_id, title or filename.rsplit("/", 1)[-1])
    return found


def closest_tags(query: str, base: ResourcePageQuerySet, limit: int = 5) -> list[Tag]:
    """Topics named like the query, among the tags of what the reader may read (``base``)."""
    text = normalise(query)
    if not text:
        return []
    readable = Tag.objects.filter(Exists(base.filter(tagged_items__tag=OuterRef("pk"))))
    names = dict(readable.values_list("name", "pk"))
    best = process.extract(text, list(names), limit=limit, score_cutoff=60)
    return list(Tag.objects.filter(pk__in=[names[name] for name, _, _ in best]))


def promoted_pages(query: str) -> list[int]:
    """Pages editors promoted for this exact query (Wagtail's search promotions), in their order."""
    picks = SearchPromotion.objects.filter(
        query__query_string=normalise_query_string(query), page__isnull=False
    ).order_by("sort_order", "pk")
    return list(dict.fromkeys(picks.values_list("page_id", flat=True)))
